/**
 * A payment attempt's id is derived from its order and attempt number: `pay_<order id without
 * "ord_">x<attempt>`. So every lookup by order is a lookup by `_id`, which the dev engine
 * (FerretDB on SQLite) answers from its unique index, while a filter on `orderId` reads every
 * payment ever made (docs/decisions/0019). The id still matches the routes' `pay_[0-9A-Za-z]{10,40}`.
 */
export const MAX_ATTEMPTS = 5;

const ORDER_ID = /^ord_([0-9A-Za-z]{10,32})$/;

export function paymentIdFor(orderId: string, attempt: number): string {
  const m = ORDER_ID.exec(orderId);
  if (!m || !Number.isInteger(attempt) || attempt < 1 || attempt > MAX_ATTEMPTS)
    throw new Error(`no payment id for order ${orderId}, attempt ${attempt}`);
  return `pay_${m[1]}x${attempt}`;
}

/** Every id an order's attempts can have, first attempt first (none for an id that is not an order's). */
export function paymentIdsOf(orderId: string): string[] {
  if (!ORDER_ID.test(orderId)) return [];
  return Array.from({ length: MAX_ATTEMPTS }, (_, i) => paymentIdFor(orderId, i + 1));
}
