import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { FlashNotice } from '~/components/flash-notice';
import { ProductImage } from '~/components/product-card';
import { ReviewBadge } from '~/components/review-badge';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useSellerShell } from '~/utils/use-seller';
import { loadListings } from './listings.server';

export const loader = (args: LoaderFunctionArgs) => loadListings(args);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'sell.listings.title') }];

export default function ListingsPage() {
  const { listings, notice } = useLoaderData<typeof loader>();
  const { cooperative } = useSellerShell();
  const { t, label } = useI18n();
  const base = `/jual/${cooperative.slug}`;
  return (
    <>
      <h1>{t('sell.listings.title')}</h1>
      <FlashNotice notice={notice} />
      <p>
        <Link className="button" to={`${base}/barang/baru`}>
          {t('sell.section.new')}
        </Link>
      </p>
      {listings.length === 0 ? (
        <p>{t('sell.listings.empty')}</p>
      ) : (
        <ul className="product-grid" aria-label={t('sell.listings.title')}>
          {listings.map((p) => (
            <li key={p.id}>
              <article className="product-card" data-testid="listing">
                <ProductImage product={p} size={96} />
                <div className="product-card-body">
                  <h2 className="product-card-title">
                    <Link to={`${base}/barang/${p.id}`}>{p.name}</Link>
                  </h2>
                  <p className="price">
                    <strong>{formatRupiah(p.price)}</strong>{' '}
                    <span className="unit">{label('unit', p.unit)}</span>
                  </p>
                  <p>
                    <ReviewBadge status={p.status} review={p.review} />
                  </p>
                  <p className="muted">
                    {t('sell.listings.stockSold', { available: p.available, sold: p.sold })}
                  </p>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
