import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { FlashNotice } from '~/components/flash-notice';
import { ProductImage, SellerLink } from '~/components/product-card';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { StockInfo } from '~/components/stock-info';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useMarket } from '~/utils/use-market';
import { AddToCartForm } from './add-to-cart-form';
import { addToCart, loadProduct } from './product.server';

export const loader = (args: LoaderFunctionArgs) => loadProduct(args);
export const action = formAction((args: ActionFunctionArgs) => addToCart(args));

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, null, undefined, data?.product.name) },
];

export default function ProductPage() {
  const { product, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const market = useMarket();
  const { t, label } = useI18n();
  const soldOut = !product.inStock || product.stock.available <= 0;
  return (
    <article className="product-page">
      <p>
        <Link to={`/k/${market.slug}`}>← {t('product.back', { market: market.marketName })}</Link>
      </p>
      {notice ? (
        <>
          <FlashNotice notice={notice} />
          <p>
            <Link to={`/k/${market.slug}/keranjang`} className="button button-secondary">
              {t('product.viewCart')}
            </Link>
          </p>
        </>
      ) : null}
      <div className="product-layout">
        <div className="product-photos">
          <ProductImage product={product} size={320} load="priority" />
          {(product.photos ?? []).length > 1 ? (
            <ul className="product-thumbs" aria-label={t('product.morePhotos')}>
              {(product.photos ?? []).slice(1).map((photo) => (
                <li key={photo.photoId}>
                  <ProductImage product={{ ...product, photos: [photo] }} size={96} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div>
          <h1>{product.name}</h1>
          <SellerLink seller={product.seller} slug={market.slug} />
          <p className="price price-large">
            <strong>{formatRupiah(product.price)}</strong>{' '}
            <span className="unit">{label('unit', product.unit)}</span>
          </p>
          {product.het ? (
            <p>
              <span className="badge-het" title={t('product.hetHelp')}>
                {t('product.het')}
              </span>
            </p>
          ) : null}
          {product.buyerLimit ? (
            <p data-testid="buyer-limit">
              <strong>
                {t('product.buyerLimit', {
                  quantity: product.buyerLimit.quantity,
                  unit: label('unitName', product.unit),
                  period: label('period', product.buyerLimit.period),
                })}
              </strong>
            </p>
          ) : null}
          <StockInfo
            available={product.stock.available}
            inStock={product.inStock}
            maxPerOrder={product.maxPerOrder}
          />
          {soldOut ? (
            <p role="status">{t('product.soldOutHelp')}</p>
          ) : (
            <AddToCartForm
              product={product}
              error={actionData?.errors.quantity ?? actionData?.errors.productId}
            />
          )}
          {soldOut && actionData?.errors.quantity ? <p role="alert">{t('errors.outOfStock')}</p> : null}
          <h2>{t('product.description')}</h2>
          <p>{product.description}</p>
          <p className="muted">{label('category', product.category)}</p>
        </div>
      </div>
    </article>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
