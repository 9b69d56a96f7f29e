import type { Envelope } from '@pasar/contracts';
import { DomainError } from '@pasar/service-kit';
import type { Order, OrderCommand, StaffRole, Transition } from '../domain/order';
import { awaitsConfirmation, transition } from '../domain/order';
import type { OrderChange, OrdersDeps } from './ports';
import { releaseBuyerLimits } from './release-buyer-limits';

/**
 * For event handlers and the sweeper: the transition the event asks for, or undefined when it
 * does not fit the order's state (a redelivery, a late event) — logged, never an error.
 */
export function decideOrSkip(
  deps: OrdersDeps,
  order: Order,
  command: OrderCommand,
  cause: string,
): Transition | undefined {
  try {
    return transition(order, command, deps.clock());
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    deps.logger.info(
      { orderId: order.id, status: order.status, command, cause },
      'event does not fit the order state; ignored',
    );
    return undefined;
  }
}

/**
 * Writes a decided transition as ONE guarded single-document update with its events (outbox).
 * false when the order left the `from` states in between (another process got there first).
 */
export async function commitChange(
  deps: OrdersDeps,
  order: Order,
  t: Transition,
  opts: { set?: OrderChange['set']; note?: string; events: Envelope[]; by?: StaffRole | undefined },
): Promise<boolean> {
  const at = deps.clock();
  const applied = await deps.orders.applyChange(order.id, {
    from: t.from,
    to: t.to,
    ...(opts.set ? { set: opts.set } : {}),
    timeline: {
      status: t.to,
      at,
      ...(opts.note ? { note: opts.note } : {}),
      ...(opts.by ? { by: opts.by } : {}),
    },
    events: opts.events,
  });
  if (applied) {
    if (opts.events.length > 0) deps.nudge(order.id);
    if (!awaitsConfirmation(t.to)) await leaveExpiryQueue(deps, order.id);
    await releaseBuyerLimits(deps, order, t.to);
    deps.logger.info(
      { orderId: order.id, from: order.status, to: t.to, command: t.command },
      'order transition',
    );
  } else {
    deps.logger.info(
      { orderId: order.id, command: t.command },
      'order changed concurrently; transition skipped',
    );
  }
  return applied;
}

/** Best effort: a leftover entry is dropped by the sweeper when it finds the order settled. */
async function leaveExpiryQueue(deps: OrdersDeps, orderId: string): Promise<void> {
  await deps.expiries.remove(orderId).catch((err: unknown) => {
    deps.logger.warn({ err, orderId }, 'could not remove the order from the expiry queue; the sweeper will');
  });
}
