import { type Order, paysOnCollection } from './order';
import { cashNotExpected, cashRequired, cashShort } from './errors';

/** The code as the shopper reads it out: blanks and case do not matter. */
export function pickupCodeMatches(order: Pick<Order, 'pickupCode'>, given: string): boolean {
  if (!order.pickupCode) return false;
  return given.replace(/\s+/g, '').toUpperCase() === order.pickupCode.toUpperCase();
}

export interface CashSettlement {
  cashReceived: number | null;
  change: number | null;
}

/**
 * What the kasir (or courier) records at handover. A cash order needs the cash received, at least
 * the total (the change is given back); an order paid online takes none.
 */
export function settleCash(
  order: Pick<Order, 'paymentMethod' | 'total'>,
  cashReceived: number | undefined,
): CashSettlement {
  if (!paysOnCollection(order.paymentMethod)) {
    if (cashReceived !== undefined) {
      throw cashNotExpected(order.paymentMethod);
    }
    return { cashReceived: null, change: null };
  }
  if (cashReceived === undefined) {
    throw cashRequired(order.total);
  }
  if (cashReceived < order.total) {
    throw cashShort(order.total, cashReceived);
  }
  return { cashReceived, change: cashReceived - order.total };
}
