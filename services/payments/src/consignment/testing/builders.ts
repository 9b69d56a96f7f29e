import type { OrderLine } from '@pasar/contracts';
import type { Fact } from '../domain/order-facts';
import type { ConsignmentDeps } from '../use-cases/ports';
import { recordOrderFact } from '../use-cases/record-order-fact';

let seq = 0;
/** A fresh order id (ord_ + 26 characters). */
export const newOrderId = () => `ord_TEST${String(++seq).padStart(22, '0')}`;

/** An order line of a seller: `quantity` × `unitPrice`. */
export function orderLine(sellerId: string, productId: string, unitPrice: number, quantity = 1): OrderLine {
  return {
    productId,
    sellerId,
    name: `Produk ${productId}`,
    unit: 'pcs',
    unitPrice,
    quantity,
    lineTotal: unitPrice * quantity,
  };
}

/** Applies facts about an order as its events would (karangbesuki unless told). */
export function tell(
  deps: ConsignmentDeps,
  orderId: string,
  facts: Fact[],
  cooperativeId = 'karangbesuki',
  probablyNew = false,
) {
  return recordOrderFact(deps, {
    orderId,
    cooperativeId,
    facts,
    cause: { id: crypto.randomUUID(), correlationid: orderId },
    probablyNew,
  });
}
