import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { ProductList } from '~/components/product-list';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { SortSelect } from '~/components/sort-select';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { useMarket } from '~/utils/use-market';
import { loadCategory } from './category.server';

export const loader = (args: LoaderFunctionArgs) => loadCategory(args);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, 'category.title', { category: data?.category ?? '' }) },
];

export default function CategoryPage() {
  const { category, page, values, badCursor } = useLoaderData<typeof loader>();
  const market = useMarket();
  const location = useLocation();
  const { t, label } = useI18n();
  const here = `/k/${market.slug}/kategori/${category}`;
  return (
    <>
      <h1 id="category-title">{label('category', category)}</h1>
      <Form method="get" action={here} className="filters filters-inline" aria-label={t('search.filters')}>
        <SortSelect defaultValue={values.sort} />
        <div className="field field-check">
          <input
            id="field-inStock"
            type="checkbox"
            name="inStock"
            value="true"
            defaultChecked={Boolean(values.inStock)}
          />
          <label htmlFor="field-inStock">{t('search.inStock')}</label>
        </div>
        <button type="submit">{t('search.submit')}</button>
      </Form>
      {badCursor ? (
        <p role="alert">
          {t('search.badCursor')} <Link to={here}>{t('search.startOver')}</Link>
        </p>
      ) : page.items.length === 0 ? (
        <p>{t('search.noResults')}</p>
      ) : (
        <ProductList key={location.search} slug={market.slug} page={page} labelledBy="category-title" />
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
