import { DomainError } from '@pasar/service-kit';
import { type Order, paysOnCollection } from './order';

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
      throw new DomainError(
        'ORDER.CASH_NOT_EXPECTED',
        `This order was paid with ${order.paymentMethod}; no cash is collected`,
        422,
      );
    }
    return { cashReceived: null, change: null };
  }
  if (cashReceived === undefined) {
    throw new DomainError(
      'ORDER.CASH_REQUIRED',
      `This order is paid in cash: record the cash received (at least ${order.total})`,
      422,
      { total: order.total },
    );
  }
  if (cashReceived < order.total) {
    throw new DomainError(
      'ORDER.CASH_SHORT',
      `The cash received (${cashReceived}) is less than the total (${order.total})`,
      422,
      { total: order.total, cashReceived },
    );
  }
  return { cashReceived, change: cashReceived - order.total };
}
