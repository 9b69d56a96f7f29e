import {
  type Envelope,
  OrderCancelled,
  OrderCompleted,
  OrderExpired,
  OrderPlaced,
  PaymentRefunded,
  PaymentSucceeded,
  ProductArchived,
  ProductPublished,
  type ProductSnapshotSchema,
  ProductUpdated,
  SellerApproved,
  SellerReinstated,
  type SellerSnapshot,
  SellerSuspended,
} from '@pasar/contracts';
import { on, type Subscription } from '@pasar/events';
import type { z } from 'zod';
import type { Fact } from '../domain/order-facts';
import type { ConsignmentDeps } from '../use-cases/ports';
import { recordOrderFact } from '../use-cases/record-order-fact';

/**
 * What consignment consumes, in its own consumer group (`<prefix>payments-consignment`), apart
 * from payments' payment saga: orders' and payments' facts about an order, catalog's categories
 * (per-category rates) and membership's sellers (who is a consignment seller, and their account).
 */
export function consignmentSubscriptions(deps: ConsignmentDeps): Subscription[] {
  const fact = (e: Envelope, orderId: string, facts: Fact[], probablyNew = false) =>
    recordOrderFact(deps, { orderId, cooperativeId: e.cooperativeid, facts, cause: e, probablyNew }).then(
      () => {},
    );
  const at = (e: Envelope) => new Date(e.time);
  const product = async (e: { data: z.infer<typeof ProductSnapshotSchema> }) => {
    const p = e.data;
    await deps.store.upsertProduct({
      productId: p.productId,
      cooperativeId: p.cooperativeId,
      category: p.category,
      version: p.version,
    });
  };
  const seller = (status: 'active' | 'suspended') => async (e: { data: SellerSnapshot }) => {
    const s = e.data;
    await deps.store.upsertSeller({
      sellerId: s.sellerId,
      personId: s.personId,
      cooperativeId: s.cooperativeId,
      shopName: s.shopName,
      status,
    });
  };
  return [
    // Idempotent: the order's lines are one fact merged into a versioned document, a second merge
    // changes nothing (record-order-fact.ts; consignment-flow.int.test.ts "a redelivery changes nothing").
    on(OrderPlaced, (e) => fact(e, e.data.orderId, [{ kind: 'lines', lines: e.data.lines }], true), {
      idempotent: true,
    }),
    on(PaymentSucceeded, (e) => fact(e, e.data.orderId, [{ kind: 'moneyIn', at: at(e) }])),
    on(OrderCompleted, (e) => {
      const d = e.data;
      // Cash is in at the handover itself (payments records the collection from the same event).
      const cashIn = d.paymentMethod === 'cash' && d.cashReceived !== null && d.cashReceived >= d.total;
      return fact(e, d.orderId, [
        { kind: 'lines', lines: d.lines },
        ...(cashIn ? [{ kind: 'moneyIn' as const, at: at(e) }] : []),
        { kind: 'completed', at: at(e), notaNumber: d.notaNumber },
      ]);
    }),
    on(OrderCancelled, (e) =>
      fact(e, e.data.orderId, [
        { kind: 'lines', lines: e.data.lines },
        { kind: 'refund', at: at(e), reason: 'order_cancelled' },
      ]),
    ),
    on(OrderExpired, (e) =>
      fact(e, e.data.orderId, [{ kind: 'refund', at: at(e), reason: 'order_cancelled' }]),
    ),
    on(PaymentRefunded, (e) =>
      fact(e, e.data.orderId, [{ kind: 'refund', at: at(e), reason: 'payment_refunded' }]),
    ),
    on(ProductPublished, product),
    on(ProductUpdated, product),
    on(ProductArchived, product),
    on(SellerApproved, seller('active')),
    on(SellerReinstated, seller('active')),
    on(SellerSuspended, seller('suspended')),
  ];
}
