import { isVisible } from '../domain/product';
import { insufficient, type Rejection, type StockLine } from '../domain/reservation';
import type { CatalogDeps } from './deps';

const HOLD_ATTEMPTS = 3;

/**
 * Holds every line for the order, one conditional update per product; stops at the first line
 * that cannot be held and says why. Lines held by an earlier (crashed) run count as held.
 */
export async function holdLines(
  deps: CatalogDeps,
  orderId: string,
  lines: StockLine[],
): Promise<{ rejection: Rejection | null; held: StockLine[] }> {
  const held: StockLine[] = [];
  for (const line of lines) {
    for (let attempt = 1; ; attempt++) {
      const result = await deps.stock.hold(line.productId, orderId, line.quantity);
      if (result.held) break;
      const p = result.product;
      // Lost a race with a restock between the update and the read: the units are there, try again.
      const worthRetry = !!p && isVisible(p) && p.stock.available >= line.quantity && attempt < HOLD_ATTEMPTS;
      if (!worthRetry) return { rejection: insufficient(line, p), held };
    }
    held.push(line);
  }
  return { rejection: null, held };
}

/** The compensation of holdLines: gives back whatever this order holds (a no-op for lines not held). */
export async function releaseHolds(deps: CatalogDeps, orderId: string, lines: StockLine[]): Promise<number> {
  let released = 0;
  for (const line of lines) {
    if (await deps.stock.releaseHold(line.productId, orderId, line.quantity)) released++;
  }
  return released;
}
