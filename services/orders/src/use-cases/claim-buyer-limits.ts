import { isNik } from '@pasar/contracts';
import { hashNik, ValidationError } from '@pasar/service-kit';
import {
  type BuyerLimitClaim,
  buyerLimitExceeded,
  counterIdOf,
  limitWindow,
  type OrderBuyerLimits,
} from '../domain/buyer-limit';
import type { Product } from '../domain/catalog';
import type { OrderLine } from '../domain/order';
import type { OrdersDeps } from './ports';
import { releaseClaims } from './release-buyer-limits';

export interface ClaimInput {
  orderId: string;
  cooperativeId: string;
  lines: readonly OrderLine[];
  products: ReadonlyMap<string, Product>;
  /** As the shopper typed it; only its keyed hash leaves this function. */
  buyerNik: string | undefined;
  at: Date;
}

/**
 * Takes this order's units from the buyer's allowance of every limited product in the cart, or none:
 * the first line over its limit gives back what the earlier lines took and refuses the checkout
 * with 409 ORDER.BUYER_LIMIT. null when the cart holds no limited product (a NIK sent anyway is
 * dropped, never kept). The order records the claims so that its end (rejected, cancelled,
 * expired) gives them back (releaseBuyerLimits).
 */
export async function claimBuyerLimits(
  deps: OrdersDeps,
  input: ClaimInput,
): Promise<OrderBuyerLimits | null> {
  const limited = input.lines.flatMap((line) => {
    const limit = input.products.get(line.productId)?.buyerLimit;
    return limit ? [{ line, limit }] : [];
  });
  if (limited.length === 0) return null;
  const names = limited.map((l) => l.line.name).join(', ');
  if (input.buyerNik === undefined)
    throw nikIssue(`is required for ${names}: the buyer's 16-digit NIK (limited per buyer)`);
  if (!isNik(input.buyerNik)) throw nikIssue('must be exactly 16 digits');
  const nikHash = hashNik(input.buyerNik, deps.settings.nikHashSalt);

  const claims: BuyerLimitClaim[] = [];
  for (const { line, limit } of limited) {
    const window = limitWindow(limit.period, input.at);
    const counterId = counterIdOf(input.cooperativeId, line.productId, nikHash, window);
    const outcome =
      line.quantity > limit.quantity
        ? { claimed: false as const, used: await deps.buyerLimits.used(counterId) }
        : await deps.buyerLimits.claim({
            counterId,
            orderId: input.orderId,
            quantity: line.quantity,
            limit: limit.quantity,
            labels: {
              cooperativeId: input.cooperativeId,
              productId: line.productId,
              nikHash,
              windowStart: window.start,
              resetsAt: window.resetsAt,
            },
          });
    if (!outcome.claimed) {
      await releaseClaims(deps, input.orderId, claims);
      deps.logger.info(
        { orderId: input.orderId, productId: line.productId, used: outcome.used, limit: limit.quantity },
        'checkout refused: buyer limit',
      );
      throw buyerLimitExceeded({
        productId: line.productId,
        productName: line.name,
        unit: line.unit,
        limit,
        window,
        alreadyBought: outcome.used,
      });
    }
    claims.push({ counterId, productId: line.productId, quantity: line.quantity });
  }
  return { nikHash, claims };
}

/** 400 naming `buyerNik`; the value itself is never echoed. */
const nikIssue = (message: string) => new ValidationError([{ field: 'buyerNik', message }]);
