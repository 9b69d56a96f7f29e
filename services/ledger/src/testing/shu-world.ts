import {
  ConsignmentRefundRecorded,
  ConsignmentSaleRecorded,
  type Envelope,
  type EventDefinition,
  MemberRegistered,
  newEvent,
  OrderCompleted,
  SavingsDeposited,
} from '@pasar/contracts';
import type { HandlerContext } from '@pasar/events';
import { cr, dr } from '../domain/journal';
import { A } from '../domain/accounts';
import { subscriptions } from '../events/subscriptions';
import { recordBusinessEvent } from '../use-cases/record-business-event';
import type { LedgerDeps } from '../use-cases/ports';

let seq = 0;
const ctx: HandlerContext = { topic: 't', partition: 0, offset: '0', attempt: 1 };

/** An event as its producer builds it (validated), with the time the books use. */
export function event(def: EventDefinition, subject: string, data: object, time: string): Envelope {
  const e = newEvent(def, subject, data as never, { source: 'urn:pasar:test', cooperativeId: coopOf(data) });
  return { ...e, time: new Date(time).toISOString() };
}
const coopOf = (data: object) => (data as { cooperativeId?: string }).cooperativeId ?? 'karangbesuki';

/** Business facts of one cooperative, delivered through the ledger's own consumer handlers. */
export function shuWorld(deps: LedgerDeps, cooperativeId = 'karangbesuki') {
  const subs = subscriptions(deps);
  const deliver = async (e: Envelope) => {
    const sub = subs.find((s) => s.definition.type === e.type);
    if (!sub) throw new Error(`no subscription for ${e.type}`);
    await sub.handle(e as never, ctx);
  };
  const orderId = () => `ord_shu${String(++seq).padStart(10, '0')}`;
  return {
    deliver,
    member: (memberId: string, displayName: string, personId: string | null, joinedAt: string) =>
      deliver(
        event(
          MemberRegistered,
          memberId,
          {
            memberId,
            cooperativeId,
            displayName,
            roles: ['anggota'],
            ...(personId ? { personId } : {}),
            joinedAt,
          },
          joinedAt,
        ),
      ),
    deposit: (memberId: string, kind: 'pokok' | 'wajib' | 'sukarela', amount: number, receivedAt: string) =>
      deliver(
        event(
          SavingsDeposited,
          memberId,
          {
            memberId,
            cooperativeId,
            kind,
            amount,
            method: 'cash',
            receiptNumber: `BS-${++seq}`,
            recordedBy: 'per_bendahara',
            receivedAt,
          },
          receivedAt,
        ),
      ),
    /** A cash order handed over: goods (one line) and a delivery fee; the buyer's account or a guest. */
    purchase: async (buyerPersonId: string | null, goods: number, at: string, deliveryFee = 0) => {
      const id = orderId();
      const e = event(
        OrderCompleted,
        id,
        {
          orderId: id,
          notaNumber: `KRB-2025-${String(seq).padStart(6, '0')}`,
          paymentMethod: 'cash',
          total: goods + deliveryFee,
          cashReceived: goods + deliveryFee,
          handover: 'pickup_code',
          lines: [
            {
              productId: 'p1',
              sellerId: 'mbr_koperasi',
              name: 'Beras 5 kg',
              unit: 'sak',
              unitPrice: goods,
              quantity: 1,
              lineTotal: goods,
            },
          ],
          buyerPersonId,
        },
        at,
      );
      await deliver(e);
      return { orderId: id, event: e };
    },
    /** A seller's goods in an order (handed over at `at`): the sale payments recorded, or undone before handover. */
    consignment: async (sellerId: string, gross: number, commission: number, at: string, undone = false) => {
      const id = orderId();
      const lines = [
        { productId: 'p2', name: 'Keripik', quantity: 1, lineTotal: gross, commissionBps: 1000, commission },
      ];
      await deliver(
        event(
          ConsignmentSaleRecorded,
          sellerId,
          {
            cooperativeId,
            sellerId,
            orderId: id,
            lines,
            gross,
            commission,
            net: gross - commission,
            recordedAt: at,
          },
          at,
        ),
      );
      if (undone)
        await deliver(
          event(
            ConsignmentRefundRecorded,
            sellerId,
            {
              cooperativeId,
              sellerId,
              orderId: id,
              lines,
              gross,
              commissionReversed: commission,
              net: gross - commission,
              reason: 'order_cancelled',
              recordedAt: at,
            },
            at,
          ),
        );
      else
        await deliver(
          event(
            OrderCompleted,
            id,
            {
              orderId: id,
              notaNumber: `KRB-2025-${String(++seq).padStart(6, '0')}`,
              paymentMethod: 'cash',
              total: gross,
              cashReceived: gross,
              handover: 'pickup_code',
              lines: [
                {
                  productId: 'p2',
                  sellerId,
                  name: 'Keripik',
                  unit: 'pack',
                  unitPrice: gross,
                  quantity: 1,
                  lineTotal: gross,
                },
              ],
              buyerPersonId: null,
            },
            at,
          ),
        );
      return id;
    },
    /** An expense paid in cash (a manual entry as posted once a second pengurus approved it). */
    expense: (amount: number, at: string) =>
      recordBusinessEvent(deps, {
        eventId: `me_shu${++seq}`,
        cooperativeId,
        occurredAt: at,
        type: 'manual',
        memo: 'Listrik gerai',
        lines: [dr(A.listrik, amount), cr(A.kas, amount)],
      }),
  };
}

/** Closes the twelve months of `year` (the bendahara's year-end close). */
export async function closeYear(deps: LedgerDeps, cooperativeId: string, year: number, at = new Date()) {
  for (let m = 1; m <= 12; m++)
    await deps.periods.close(cooperativeId, `${year}-${String(m).padStart(2, '0')}`, 'per_bendahara', at, []);
}
