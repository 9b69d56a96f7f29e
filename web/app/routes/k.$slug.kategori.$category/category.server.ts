import { CategorySchema } from '@pasar/contracts';
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { parseSearch } from '~/schemas/search.schema';
import { listProducts } from '~/utils/catalog.server';
import { requireSlug } from '~/utils/cooperative.server';
import { isApiError, notFound } from '~/utils/http.server';
import type { ShopProductPage as ProductPage } from '~/utils/sellers';

const PAGE_SIZE = 20;

/** One category of a market, sortable, with cursor pagination. Unknown categories are a 404. */
export async function loadCategory({ request, params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug);
  const category = CategorySchema.safeParse(params.category);
  if (!category.success) throw notFound('category');
  const { query, values, errors } = parseSearch(new URL(request.url).searchParams);
  let badCursor = false;
  const page = await listProducts(slug, {
    category: category.data,
    sort: query.sort,
    inStock: query.inStock,
    cursor: query.cursor,
    limit: PAGE_SIZE,
  }).catch((error): ProductPage => {
    if (isApiError(error) && error.status === 400) {
      badCursor = true;
      return { items: [], nextCursor: null };
    }
    throw error;
  });
  const invalid = badCursor || errors.sort !== undefined || errors.cursor !== undefined;
  return data({ category: category.data, page, values, badCursor }, { status: invalid ? 400 : 200 });
}
