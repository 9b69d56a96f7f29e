import type { ProductSnapshot } from '@pasar/contracts';
import type { OrdersDeps } from './ports';

/** Keeps orders' copy of a product current; an older snapshot (by `version`) never wins. */
export async function recordProduct(deps: OrdersDeps, snapshot: ProductSnapshot): Promise<void> {
  const outcome = await deps.products.upsert(snapshot);
  if (outcome === 'stale') {
    deps.logger.debug(
      { productId: snapshot.productId, version: snapshot.version },
      'older product snapshot ignored',
    );
  }
}
