import {
  causedBy,
  type DataOf,
  type Envelope,
  newEvent,
  type OrderPaymentRequested,
  PaymentSessionOpened,
} from '@pasar/contracts';
import { emptyProviderRecord, initialStatus, type Payment, PROVIDER_OF } from '../domain/payment';
import { EVENT_SOURCE, now, type OpenSessionInput, type PaymentsDeps } from './ports';
import { applyCommand } from './transitions';
import { paymentIdFor } from '../domain/payment-id';

export type PaymentRequest = DataOf<typeof OrderPaymentRequested>;

/** This issue opens only the first attempt of an order; retries bring their own attempt number. */
const FIRST_ATTEMPT = 1;

/** What the shopper pays for; one line for the total when the request predates `items`. */
export function itemsOf(request: PaymentRequest): OpenSessionInput['items'] {
  return (
    request.items ?? [
      { id: 'order', name: `Pesanan ${request.orderId}`, unitPrice: request.amount, quantity: 1 },
    ]
  );
}

/**
 * Orders asked for payment. Records the attempt idempotently (unique orderId+attempt): cash is
 * pending collection and PaymentSessionOpened goes out in the same write; an online attempt is
 * recorded OPENING, then its provider session is opened (openSession). A redelivered request for
 * an attempt still OPENING (a crash in between) opens the session again; otherwise it is a no-op.
 */
export async function openPayment(
  deps: PaymentsDeps,
  request: PaymentRequest,
  cause: Envelope,
): Promise<Payment | null> {
  const at = now(deps);
  const status = initialStatus(request.paymentMethod);
  const payment: Payment = {
    paymentId: paymentIdFor(request.orderId, FIRST_ATTEMPT),
    orderId: request.orderId,
    attempt: FIRST_ATTEMPT,
    cooperativeId: cause.cooperativeid,
    provider: PROVIDER_OF[request.paymentMethod],
    paymentMethod: request.paymentMethod,
    amount: request.amount,
    captured: 0,
    refunded: 0,
    status,
    expiresAt: new Date(request.expiresAt),
    createdAt: at,
    updatedAt: at,
    voidReason: null,
    failureReason: null,
    providerRecord: emptyProviderRecord(),
    refund: null,
    orderState: 'awaiting',
    correlationId: cause.correlationid,
  };
  const events =
    status === 'PENDING_COLLECTION'
      ? [
          newEvent(
            PaymentSessionOpened,
            payment.orderId,
            {
              orderId: payment.orderId,
              paymentId: payment.paymentId,
              provider: 'cash',
              paymentMethod: payment.paymentMethod,
              amount: payment.amount,
              redirectUrl: null,
            },
            causedBy(cause, EVENT_SOURCE),
          ),
        ]
      : [];
  const log = deps.logger.child({ orderId: payment.orderId, causationId: cause.id });
  if ((await deps.payments.insert(payment, events)) === 'duplicate') {
    const existing = await deps.payments.findLatestByOrder(payment.orderId);
    if (existing?.status !== 'OPENING') {
      log.info('payment already requested for this order; nothing to do');
      return null;
    }
    log.info(
      { paymentId: existing.paymentId },
      'payment still opening after a redelivery: opening its session again',
    );
    return openSession(deps, existing, itemsOf(request));
  }
  if (events.length > 0) {
    deps.onEventsWritten(payment.paymentId);
    log.info(
      { paymentId: payment.paymentId, amount: payment.amount },
      'cash payment opened: to collect at handover',
    );
    return payment;
  }
  return openSession(deps, payment, itemsOf(request));
}

/**
 * Opens the hosted page at the provider for an OPENING attempt. Each try uses a fresh provider
 * reference, recorded before the call: the provider refuses a reference used twice, and a
 * notification for any of them still finds this payment. A provider error throws, so the
 * consumer retries (and the sweeper picks up what stays OPENING).
 */
export async function openSession(
  deps: PaymentsDeps,
  payment: Payment,
  items: OpenSessionInput['items'],
): Promise<Payment> {
  if (payment.provider === 'cash' || payment.status !== 'OPENING') return payment;
  const provider = deps.providers[payment.provider];
  if (!provider) throw new Error(`no ${payment.provider} adapter is configured: the payment cannot open`);
  const tries = payment.providerRecord.refs.length;
  const ref = `${payment.orderId}-${payment.attempt}-${tries + 1}`;
  // Claims this try: two concurrent redeliveries cannot both open a session.
  const claim = { from: ['OPENING'] as const, addRef: ref, expectRefs: tries };
  if (!(await deps.payments.apply(payment.paymentId, claim, now(deps))))
    return (await deps.payments.findById(payment.paymentId)) ?? payment;
  const session = await provider.openSession({ payment, ref, items });
  if (session.ref !== ref)
    await deps.payments.apply(payment.paymentId, { from: ['OPENING'], addRef: session.ref }, now(deps));
  const opened = await applyCommand(deps, payment.paymentId, 'sessionOpened', {
    provider: { ref: session.ref, redirectUrl: session.redirectUrl },
  });
  deps.logger.info(
    { paymentId: payment.paymentId, orderId: payment.orderId, provider: payment.provider },
    'payment session opened',
  );
  return opened.payment;
}
