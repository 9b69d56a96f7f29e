import type { OutboxFields } from '@pasar/events';
import type mongoose from 'mongoose';
import type { Order } from '../domain/order';

/** An order as stored: the aggregate (with `_id` for `id`) plus its pending events (outbox). */
export type OrderDoc = Omit<Order, 'id'> & { _id: string } & OutboxFields;

export type OrderCollection = mongoose.mongo.Collection<OrderDoc>;

export function toOrder(doc: OrderDoc): Order {
  const { _id, outbox: _outbox, ...rest } = doc;
  // Orders placed before accounts existed have no buyer field: they were all guests.
  // Nor payment, refund or cancel reason before online payments.
  return {
    id: _id,
    ...rest,
    buyerPersonId: rest.buyerPersonId ?? null,
    cancelReason: rest.cancelReason ?? null,
    payment: rest.payment ?? null,
    refund: rest.refund ?? null,
    // Nor a nota number or a handover before fulfilment.
    notaNumber: rest.notaNumber ?? null,
    handover: rest.handover ?? null,
    cashReceived: rest.cashReceived ?? null,
    change: rest.change ?? null,
  };
}

export function toOrderDoc(order: Order): OrderDoc {
  const { id, ...rest } = order;
  return { _id: id, ...rest };
}

/**
 * The order id is derived from the Idempotency-Key, so a duplicate POST collides on `_id`; the
 * unique key index is the second line of defence (and the rule on MongoDB, where ids could change).
 * FerretDB has no partial or TTL indexes; these plain ones work on both engines.
 */
export async function ensureOrderIndexes(coll: OrderCollection): Promise<void> {
  await coll.createIndex({ idempotencyKey: 1 }, { unique: true, name: 'idempotencyKey_unique' });
  await coll.createIndex({ status: 1, expiresAt: 1 }, { name: 'status_expiresAt' });
  // The staff queue (by cooperative, optionally by status) and "Pesanan saya" (by buyer), newest first.
  await coll.createIndex({ cooperativeId: 1, createdAt: -1, _id: -1 }, { name: 'cooperative_createdAt' });
  await coll.createIndex(
    { cooperativeId: 1, status: 1, createdAt: -1, _id: -1 },
    { name: 'cooperative_status_createdAt' },
  );
  await coll.createIndex({ buyerPersonId: 1, createdAt: -1, _id: -1 }, { name: 'buyer_createdAt' });
  // The staff stream: what changed in a cooperative since the last poll.
  await coll.createIndex({ cooperativeId: 1, updatedAt: 1 }, { name: 'cooperative_updatedAt' });
}
