import type { BuyerLimitClaim } from '../domain/buyer-limit';
import type { Order, OrderStatus } from '../domain/order';
import type { OrdersDeps } from './ports';

/** The ends of an order that sold nothing: its units go back to the buyer's allowance. */
const UNSOLD_ENDS: readonly OrderStatus[] = ['REJECTED', 'CANCELLED', 'EXPIRED'];

/**
 * Gives back what the order took from its buyer's limits, once it ended unsold. Safe to repeat:
 * each counter gives back only a claim it still holds under this order id, so a redelivered event
 * or a second run moves nothing. A failure is logged, not thrown: the transition is already
 * written, and a claim left behind lapses with its period.
 */
export async function releaseBuyerLimits(deps: OrdersDeps, order: Order, to: OrderStatus): Promise<void> {
  if (!UNSOLD_ENDS.includes(to) || !order.buyerLimits) return;
  await releaseClaims(deps, order.id, order.buyerLimits.claims).catch((err: unknown) => {
    deps.logger.warn({ err, orderId: order.id }, 'could not give back buyer-limit claims');
  });
}

export async function releaseClaims(
  deps: OrdersDeps,
  orderId: string,
  claims: readonly BuyerLimitClaim[],
): Promise<void> {
  for (const c of claims) {
    if (await deps.buyerLimits.release(c.counterId, orderId, c.quantity))
      deps.logger.info(
        { orderId, productId: c.productId, quantity: c.quantity },
        'buyer-limit units given back',
      );
  }
}
