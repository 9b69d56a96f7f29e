import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ProductCard } from '~/components/product-card';
import { EAGER_CARDS } from '~/components/product-list';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { useMarket } from '~/utils/use-market';
import { loadSellerPage } from './seller-page.server';

export const loader = (args: LoaderFunctionArgs) => loadSellerPage(args);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, null, undefined, data?.seller.shopName) },
];

export default function SellerPage() {
  const { seller, products } = useLoaderData<typeof loader>();
  const market = useMarket();
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to={`/k/${market.slug}`}>← {t('product.back', { market: market.marketName })}</Link>
      </p>
      <h1 id="seller-title">{seller.shopName}</h1>
      {seller.description ? <p>{seller.description}</p> : null}
      <p className="muted">{t('seller.consignment', { market: market.marketName })}</p>
      <h2 id="seller-goods">{t('seller.goods')}</h2>
      {products.length === 0 ? (
        <p>{t('seller.noGoods')}</p>
      ) : (
        <ul className="product-grid" aria-labelledby="seller-goods">
          {products.map((product, index) => (
            <li key={product.id}>
              <ProductCard product={product} slug={market.slug} eager={index < EAGER_CARDS} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
