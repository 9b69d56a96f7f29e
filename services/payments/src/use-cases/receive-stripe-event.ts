import type Stripe from 'stripe';
import { stripeAmountToRupiah } from '../domain/money';
import { applyProviderTruth } from './apply-provider-truth';
import { now, type PaymentsDeps, type ProviderTruth } from './ports';

export type StripeEventResult =
  | { http: 200; outcome: 'applied' | 'unchanged' | 'duplicate' | 'ignored'; reason?: string }
  | { http: 401; outcome: 'rejected'; reason: string };

/** The Checkout events we act on, and what each means for the payment. */
const MEANING: Partial<Record<Stripe.Event['type'], string>> = {
  'checkout.session.completed': 'paid',
  'checkout.session.async_payment_succeeded': 'paid',
  'checkout.session.async_payment_failed': 'failed',
  'checkout.session.expired': 'expired',
};

/**
 * A Stripe webhook. `stripe.webhooks.constructEvent` checks the signature with the signing secret
 * and refuses a timestamp older than the tolerance (a replay), before we read a byte of it; then
 * the event is deduplicated on its id. Stripe's signed event is its statement of the truth (Stripe
 * documents webhooks as the source of payment outcomes); its amount is checked ×100 against the order.
 */
export async function receiveStripeEvent(
  deps: PaymentsDeps & { stripe: Stripe; stripeWebhookSecret: string },
  rawBody: string,
  signature: string | undefined,
): Promise<StripeEventResult> {
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error('missing Stripe-Signature header');
    event = deps.stripe.webhooks.constructEvent(rawBody, signature, deps.stripeWebhookSecret, 300);
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0] ?? 'bad signature';
    deps.logger.warn({ reason }, 'stripe webhook rejected');
    return { http: 401, outcome: 'rejected', reason };
  }
  const log = deps.logger.child({ stripeEvent: event.id, type: event.type });
  const status = MEANING[event.type];
  if (!status) {
    log.debug('stripe event type not used');
    return { http: 200, outcome: 'ignored', reason: `event type ${event.type} is not used` };
  }
  const session = event.data.object as Stripe.Checkout.Session;
  const paymentId = session.metadata?.paymentId ?? session.client_reference_id;
  const payment = paymentId ? await deps.payments.findById(paymentId) : null;
  if (payment?.provider !== 'stripe' || !payment.providerRecord.refs.includes(session.id)) {
    log.warn({ session: session.id }, 'stripe webhook ignored: no payment opened this Checkout session');
    return { http: 200, outcome: 'ignored', reason: 'unknown Checkout session' };
  }
  const key = `stripe:${event.id}`;
  const seen = await deps.notifications.record({
    key,
    provider: 'stripe',
    ref: session.id,
    status: event.type,
    outcome: 'received',
    reason: null,
    receivedAt: now(deps),
  });
  if (seen === 'settled') return { http: 200, outcome: 'duplicate' };
  let amount: number | null = null;
  try {
    amount = session.amount_total === null ? null : stripeAmountToRupiah(session.amount_total);
  } catch {
    amount = null;
  }
  if (status === 'paid' && session.payment_status !== 'paid') {
    await deps.notifications.settle(key, 'unchanged', 'session completed but not paid yet');
    return { http: 200, outcome: 'unchanged' };
  }
  const truth: ProviderTruth = {
    status,
    fraudStatus: null,
    amount,
    transactionId:
      typeof session.payment_intent === 'string'
        ? session.payment_intent
        : (session.payment_intent?.id ?? null),
    paymentType: 'card',
    vaNumber: null,
    refundedAmount: 0,
    refundCount: 0,
  };
  const applied = await applyProviderTruth(deps, payment, truth);
  const reason = applied.outcome === 'ignored' ? applied.reason : null;
  await deps.notifications.settle(key, applied.outcome, reason);
  return reason ? { http: 200, outcome: 'ignored', reason } : { http: 200, outcome: applied.outcome };
}
