import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { parseSearch } from '~/schemas/search.schema';
import { listCategories, listProducts } from '~/utils/catalog.server';
import { requireSlug } from '~/utils/cooperative.server';
import { isApiError } from '~/utils/http.server';
import type { ProductPage } from '~/utils/views';

const PAGE_SIZE = 20;

/** Search with filters. Bad fields are reported next to the field (400) and left out of the search. */
export async function loadSearch({ request, params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug);
  const { query, values, errors } = parseSearch(new URL(request.url).searchParams);
  // A malformed cursor (edited, or from an old link) is refused here; one the catalog refuses, below.
  let badCursor = 'cursor' in errors;
  const [categories, page] = await Promise.all([
    listCategories(slug),
    (badCursor
      ? Promise.resolve<ProductPage>({ items: [], nextCursor: null })
      : listProducts(slug, { ...query, limit: PAGE_SIZE })
    ).catch((error): ProductPage => {
      // A cursor the catalog no longer understands (edited, or from an old link): offer to start over.
      if (isApiError(error) && error.status === 400) {
        badCursor = true;
        return { items: [], nextCursor: null };
      }
      throw error;
    }),
  ]);
  const invalid = badCursor || Object.keys(errors).length > 0;
  return data({ categories, page, values, errors, badCursor }, { status: invalid ? 400 : 200 });
}
