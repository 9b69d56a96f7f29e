import {
  ConsignmentPayoutRecorded,
  ConsignmentRefundRecorded,
  ConsignmentSaleRecorded,
  MemberAccountLinked,
  MemberRegistered,
  OrderCompleted,
  PaymentRefunded,
  PaymentSessionOpened,
  PaymentSucceeded,
  SavingsDeposited,
  SavingsWithdrawn,
} from '@pasar/contracts';
import { on, type Subscription } from '@pasar/events';
import { bookConsignment } from '../use-cases/book-consignment';
import type { LedgerDeps } from '../use-cases/ports';
import { recordBusinessEvent } from '../use-cases/record-business-event';
import { recordPurchase, recordSavingsMovement } from '../use-cases/record-member-facts';
import {
  handover,
  InconsistentEvent,
  onlineCapture,
  refund,
  savingsDeposit,
  savingsWithdrawal,
  sellerPayout,
} from './business-events';

/**
 * What the ledger consumes: every event that moves money, and the facts it needs to book them.
 * Each handler is idempotent on its own (an entry's id is its event's id; read models are upserts),
 * so the consumer's processed-ids are a fast path, not the guarantee. A record that does not parse
 * is parked on `<topic>.dlq.<group>` by the consumer; one that keeps failing after retries too.
 */
export function subscriptions(deps: LedgerDeps): Subscription[] {
  return [
    // Same topic and key as PaymentSucceeded, and always before it: the provider is known in time.
    on(PaymentSessionOpened, async (e) => deps.readModels.rememberPayment(e.data.paymentId, e.data.provider)),
    on(PaymentSucceeded, async (e) => {
      const provider = await deps.readModels.paymentProvider(e.data.paymentId);
      if (provider === null)
        throw new InconsistentEvent(
          `payment ${e.data.paymentId} succeeded without a session the ledger heard of`,
        );
      // Cash is booked when the goods are handed over (OrderCompleted): its "success" is that same money.
      if (provider === 'cash') return;
      await recordBusinessEvent(deps, onlineCapture(e));
    }),
    on(PaymentRefunded, async (e) => {
      await recordBusinessEvent(deps, refund(e));
    }),
    on(OrderCompleted, async (e) => {
      const sale = handover(e);
      const { entry } = await recordBusinessEvent(deps, sale);
      await recordPurchase(deps, e, entry.period);
      await bookConsignment(
        deps,
        await deps.readModels.recordHandover(e.cooperativeid, e.data.orderId, sale.occurredAt),
      );
    }),
    on(ConsignmentSaleRecorded, async (e) => {
      const { cooperativeId, orderId, sellerId, gross, commission } = e.data;
      await bookConsignment(
        deps,
        await deps.readModels.recordConsignmentSale(cooperativeId, orderId, { sellerId, gross, commission }),
      );
    }),
    on(ConsignmentRefundRecorded, async (e) => {
      // Undone before handover: nothing was booked for it, and now nothing will be.
      const order = await deps.readModels.recordConsignmentUndone(
        e.data.cooperativeId,
        e.data.orderId,
        e.data.sellerId,
      );
      if (order.handedOverAt)
        deps.logger.warn(
          { orderId: e.data.orderId },
          'consignment refund recorded after handover: its split stays booked',
        );
    }),
    on(ConsignmentPayoutRecorded, async (e) => {
      await recordBusinessEvent(deps, sellerPayout(e));
    }),
    on(SavingsDeposited, async (e) => {
      const { entry } = await recordBusinessEvent(deps, savingsDeposit(e));
      await recordSavingsMovement(deps, e, entry.period, e.data.kind, e.data.amount);
    }),
    on(SavingsWithdrawn, async (e) => {
      const { entry } = await recordBusinessEvent(deps, savingsWithdrawal(e));
      await recordSavingsMovement(deps, e, entry.period, 'sukarela', -e.data.amount);
    }),
    // SHU: who the members are, their accounts (a buyer's purchases are theirs) and when they joined.
    on(MemberRegistered, async (e) => {
      const d = e.data;
      await deps.members.recordMember({
        memberId: d.memberId,
        cooperativeId: d.cooperativeId,
        displayName: d.displayName,
        personId: d.personId ?? null,
        joinedAt: new Date(d.joinedAt ?? e.time).toISOString(),
      });
    }),
    // The ketua linked a registry record to its account: that account's purchases are the member's.
    on(MemberAccountLinked, async (e) => {
      const d = e.data;
      if (!(await deps.members.linkAccount(d.cooperativeId, d.memberId, d.personId)))
        throw new Error(`MemberAccountLinked for unknown member ${d.memberId}`); // retried, then the DLQ
    }),
  ];
}
