import type { LoaderFunctionArgs } from '@remix-run/node';
import { listCategories, listProducts } from '~/utils/catalog.server';
import { requireSlug } from '~/utils/cooperative.server';

const NEWEST = 8;

export async function loadHome({ params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug);
  const [categories, newest] = await Promise.all([
    listCategories(slug),
    listProducts(slug, { sort: 'newest', limit: NEWEST }),
  ]);
  return { categories: categories.filter((c) => c.count > 0), newest: newest.items };
}
