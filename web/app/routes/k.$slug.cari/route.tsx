import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { ProductList } from '~/components/product-list';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { useMarket } from '~/utils/use-market';
import { SearchFilters } from './search-filters';
import { loadSearch } from './search.server';

export const loader = (args: LoaderFunctionArgs) => loadSearch(args);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'search.title') }];

export default function Search() {
  const { categories, page, values, errors, badCursor } = useLoaderData<typeof loader>();
  const market = useMarket();
  const location = useLocation();
  const { t } = useI18n();
  const action = `/k/${market.slug}/cari`;
  return (
    <>
      <h1>{t('search.title')}</h1>
      <SearchFilters action={action} categories={categories} values={values} errors={errors} />
      <section aria-labelledby="results-title">
        <h2 id="results-title">{values.q ? t('search.resultsFor', { q: values.q }) : t('search.results')}</h2>
        {badCursor ? (
          <p role="alert">
            {t('search.badCursor')} <Link to={action}>{t('search.startOver')}</Link>
          </p>
        ) : page.items.length === 0 ? (
          <p>{t('search.noResults')}</p>
        ) : (
          <ProductList key={location.search} slug={market.slug} page={page} labelledBy="results-title" />
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
