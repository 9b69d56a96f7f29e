import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ProductCard } from '~/components/product-card';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { SearchBox } from '~/components/search-box';
import { useI18n } from '~/utils/use-i18n';
import { useMarket } from '~/utils/use-market';
import { loadHome } from './home.server';

export const loader = (args: LoaderFunctionArgs) => loadHome(args);

/** A cooperative's market home: who they are, search, categories with counts, newest products. */
export default function MarketHome() {
  const { categories, newest } = useLoaderData<typeof loader>();
  const market = useMarket();
  const { t, label } = useI18n();
  const base = `/k/${market.slug}`;
  return (
    <>
      <h1>{market.marketName}</h1>
      <p className="lead">{market.description}</p>
      <dl className="facts">
        <dt>{t('market.outlet')}</dt>
        <dd>{market.outletAddress}</dd>
        <dt>{t('market.hours')}</dt>
        <dd>{market.openingHours}</dd>
        <dt>{t('market.phone')}</dt>
        <dd>
          <a href={`tel:${market.phone}`}>{market.phone}</a>
        </dd>
      </dl>
      <SearchBox slug={market.slug} market={market.marketName} />

      <section aria-labelledby="categories-title">
        <h2 id="categories-title">{t('market.categories')}</h2>
        <ul className="category-list">
          {categories.map((c) => (
            <li key={c.category}>
              <Link to={`${base}/kategori/${c.category}`} className="category-link">
                <span>{label('category', c.category)}</span>
                <span className="muted">{t('category.count', { count: c.count })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="newest-title">
        <h2 id="newest-title">{t('market.newest')}</h2>
        {newest.length === 0 ? (
          <p>{t('market.noProducts')}</p>
        ) : (
          <ul className="product-grid" aria-labelledby="newest-title">
            {newest.map((product) => (
              <li key={product.id}>
                <ProductCard product={product} slug={market.slug} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`${base}/cari`}>{t('market.seeAll')}</Link>
        </p>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
