import type { NewProduct } from '../domain/product';
import { createProduct } from './create-product';
import type { CatalogDeps, WriteContext } from './deps';
import { updateProduct } from './update-product';

export type UpsertCounts = { created: number; updated: number; unchanged: number };

/**
 * Creates each product, or brings the one with the same (cooperativeId, sku) up to date, through
 * the create/update use cases (so every change carries its event). Stock and status of existing
 * products are left alone: live reservations and staff decisions win over demo data. A second run
 * with the same input changes and emits nothing.
 */
export async function upsertProducts(
  deps: CatalogDeps,
  inputs: NewProduct[],
  ctx: WriteContext = {},
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
  const cooperatives = [...new Set(inputs.map((p) => p.cooperativeId))];
  // One read per cooperative instead of one lookup per SKU (FerretDB scans for non-_id filters).
  const existing = new Map(
    (await Promise.all(cooperatives.map((c) => deps.products.findByCooperative(c))))
      .flat()
      .map((p) => [`${p.cooperativeId}/${p.sku}`, p]),
  );
  for (const input of inputs) {
    const found = existing.get(`${input.cooperativeId}/${input.sku}`);
    if (!found) {
      await createProduct(deps, input, ctx);
      counts.created++;
      continue;
    }
    const { name, description, price, maxPerOrder, buyerLimit, het } = input;
    const { changed } = await updateProduct(
      deps,
      found.id,
      { name, description, price, maxPerOrder, buyerLimit, het },
      ctx,
      found,
    );
    counts[changed ? 'updated' : 'unchanged']++;
  }
  return counts;
}
