import type { Envelope, PaymentMethod } from '@pasar/contracts';
import { outboxFields } from '@pasar/events';
import type { Connection } from 'mongoose';
import { type Payment, type PaymentStatus, type Provider, VOIDABLE_STATUSES } from '../domain/payment';
import type { PaymentRepository } from '../use-cases/ports';
import { type PaymentDoc, paymentModel } from './payment.model';

const DUPLICATE_KEY = 11000;

function toDomain(d: PaymentDoc): Payment {
  return {
    paymentId: d._id,
    orderId: d.orderId,
    attempt: d.attempt,
    cooperativeId: d.cooperativeId,
    provider: d.provider as Provider,
    paymentMethod: d.paymentMethod as PaymentMethod,
    amount: d.amount,
    status: d.status as PaymentStatus,
    expiresAt: d.expiresAt,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    voidReason: d.voidReason ?? null,
  };
}

export interface MongoPaymentRepository extends PaymentRepository {
  init(): Promise<void>;
  collection: ReturnType<typeof paymentModel>['collection'];
}

export function createPaymentRepository(conn: Connection): MongoPaymentRepository {
  const Model = paymentModel(conn);
  return {
    collection: Model.collection,
    async init() {
      await Model.init();
    },
    async insert(p: Payment, events: Envelope[]) {
      const { paymentId, ...rest } = p;
      try {
        await Model.create({ _id: paymentId, ...rest, currency: 'IDR', ...outboxFields(events) });
        return 'inserted' as const;
      } catch (err) {
        if ((err as { code?: number }).code === DUPLICATE_KEY) return 'duplicate' as const;
        throw err;
      }
    },
    async findLatestByOrder(orderId: string) {
      const doc = await Model.findOne({ orderId }, { outbox: 0 }).sort({ attempt: -1 }).lean<PaymentDoc>();
      return doc ? toDomain(doc) : null;
    },
    async voidOpen(orderId: string, reason: string, at: Date) {
      const res = await Model.updateMany(
        { orderId, status: { $in: [...VOIDABLE_STATUSES] } },
        { $set: { status: 'VOIDED', voidReason: reason, updatedAt: at } },
      );
      return res.modifiedCount;
    },
  };
}
