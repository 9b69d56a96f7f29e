import {
  OrderCompleted,
  PaymentRefunded,
  PaymentSessionOpened,
  PaymentSucceeded,
  SavingsDeposited,
  SavingsWithdrawn,
  SellerApproved,
  SellerReinstated,
} from '@pasar/contracts';
import { on, type Subscription } from '@pasar/events';
import type { LedgerDeps } from '../use-cases/ports';
import { recordBusinessEvent } from '../use-cases/record-business-event';
import {
  handover,
  InconsistentEvent,
  onlineCapture,
  refund,
  savingsDeposit,
  savingsWithdrawal,
} from './business-events';

/**
 * What the ledger consumes: every event that moves money, and the facts it needs to book them.
 * Each handler is idempotent on its own (an entry's id is its event's id; read models are upserts),
 * so the consumer's processed-ids are a fast path, not the guarantee. A record that does not parse
 * is parked on `<topic>.dlq.<group>` by the consumer; one that keeps failing after retries too.
 */
export function subscriptions(deps: LedgerDeps): Subscription[] {
  const seller = async (e: { cooperativeid: string; data: { cooperativeId: string; sellerId: string } }) =>
    deps.readModels.rememberSeller(e.data.cooperativeId, e.data.sellerId);
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
      await recordBusinessEvent(deps, await handover(e, deps.readModels));
    }),
    on(SavingsDeposited, async (e) => {
      await recordBusinessEvent(deps, savingsDeposit(e));
    }),
    on(SavingsWithdrawn, async (e) => {
      await recordBusinessEvent(deps, savingsWithdrawal(e));
    }),
    on(SellerApproved, seller),
    on(SellerReinstated, seller),
  ];
}
