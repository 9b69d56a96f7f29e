import { CATEGORIES, type Category } from '@pasar/contracts';
import type { CatalogDeps } from './deps';

/** Categories that have published products, with how many, in the catalogue's fixed order. */
export async function listCategories(
  deps: CatalogDeps,
  cooperativeId: string,
): Promise<{ category: Category; count: number }[]> {
  const load = async () => {
    const counts = await (deps.listingIndex ?? deps.products).categoryCounts(cooperativeId);
    const order = (c: Category) => CATEGORIES.indexOf(c);
    return counts.filter((c) => c.count > 0).sort((a, b) => order(a.category) - order(b.category));
  };
  return deps.listings ? deps.listings.get(cooperativeId, 'categories', load) : load();
}
