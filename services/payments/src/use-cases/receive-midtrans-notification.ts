import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { MIDTRANS_STATUSES, midtransAmountToRupiah } from '../domain/midtrans-status';
import type { Payment } from '../domain/payment';
import { applyProviderTruth } from './apply-provider-truth';
import { crashPoint, now, type PaymentsDeps } from './ports';

/** The fields of a Midtrans HTTP notification we rely on (the rest is kept out of our records). */
export const MidtransNotificationSchema = z.object({
  order_id: z.string().min(1).max(50),
  status_code: z.string().regex(/^\d{3}$/),
  gross_amount: z.string().min(1).max(20),
  signature_key: z.string().regex(/^[0-9a-f]{128}$/i, 'must be a hex SHA-512'),
  transaction_status: z.enum(MIDTRANS_STATUSES),
  transaction_id: z.string().max(100).optional(),
  fraud_status: z.string().max(20).optional(),
  payment_type: z.string().max(40).optional(),
});
export type MidtransNotification = z.infer<typeof MidtransNotificationSchema>;

/** Midtrans' signature: SHA-512 hex of order_id + status_code + gross_amount + server key. */
export function midtransSignature(
  n: Pick<MidtransNotification, 'order_id' | 'status_code' | 'gross_amount'>,
  serverKey: string,
) {
  return createHash('sha512')
    .update(`${n.order_id}${n.status_code}${n.gross_amount}${serverKey}`)
    .digest('hex');
}

export function signatureMatches(n: MidtransNotification, serverKey: string): boolean {
  const expected = Buffer.from(midtransSignature(n, serverKey), 'hex');
  const given = Buffer.from(n.signature_key.toLowerCase(), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type NotificationResult =
  | { http: 200; outcome: 'applied' | 'unchanged' | 'duplicate' | 'ignored'; reason?: string }
  | { http: 401 | 404; outcome: 'rejected'; reason: string };

/**
 * A Midtrans notification. Never trusted on its own: the signature proves who sent it, then the
 * status API says what is true, and only that is acted on. Deduplicated on (order, transaction,
 * status). Answers 2xx once the notification is recorded and handled, so Midtrans stops resending;
 * a forged one answers 401 and an unknown order 404, and nothing changes.
 */
export async function receiveMidtransNotification(
  deps: PaymentsDeps & { midtransServerKey: string },
  n: MidtransNotification,
): Promise<NotificationResult> {
  const log = deps.logger.child({ providerRef: n.order_id, notified: n.transaction_status });
  if (!signatureMatches(n, deps.midtransServerKey)) {
    log.warn('midtrans notification rejected: signature_key does not match (forged or wrong key)');
    return { http: 401, outcome: 'rejected', reason: 'signature_key does not match' };
  }
  const payment = await deps.payments.findByProviderRef('midtrans', n.order_id);
  if (!payment) {
    log.warn('midtrans notification rejected: no payment uses this order_id');
    return { http: 404, outcome: 'rejected', reason: 'unknown order_id' };
  }
  const key = `midtrans:${n.order_id}:${n.transaction_id ?? '-'}:${n.transaction_status}`;
  const seen = await deps.notifications.record({
    key,
    provider: 'midtrans',
    ref: n.order_id,
    status: n.transaction_status,
    outcome: 'received',
    reason: null,
    receivedAt: now(deps),
  });
  if (seen === 'settled') {
    log.info('duplicate midtrans notification: already handled');
    return { http: 200, outcome: 'duplicate' };
  }
  const result = await judge(deps, payment, n);
  await deps.notifications.settle(key, result.outcome, result.reason ?? null);
  return result;
}

async function judge(
  deps: PaymentsDeps,
  payment: Payment,
  n: MidtransNotification,
): Promise<Extract<NotificationResult, { http: 200 }>> {
  const log = deps.logger.child({
    paymentId: payment.paymentId,
    orderId: payment.orderId,
    notified: n.transaction_status,
  });
  const ignore = (reason: string) => {
    log.warn(`midtrans notification ignored: ${reason}`);
    return { http: 200 as const, outcome: 'ignored' as const, reason };
  };
  const notifiedAmount = midtransAmountToRupiah(n.gross_amount);
  if (notifiedAmount !== payment.amount)
    return ignore(`gross_amount ${n.gross_amount} is not the order's ${payment.amount}`);
  const provider = deps.providers.midtrans;
  if (!provider) return ignore('Midtrans is not configured here');
  // The status API is the truth; a provider error throws and the notification is retried.
  const truth = await provider.status(payment);
  if (!truth) return ignore('the status API does not know this transaction');
  if (truth.status !== n.transaction_status)
    return ignore(`the status API says ${truth.status}, the notification said ${n.transaction_status}`);
  if (n.transaction_id && truth.transactionId && truth.transactionId !== n.transaction_id)
    return ignore(`the status API reports transaction ${truth.transactionId}, not ${n.transaction_id}`);
  crashPoint(deps, 'after-provider-confirmed');
  const applied = await applyProviderTruth(deps, payment, truth);
  if (applied.outcome === 'ignored') return ignore(applied.reason);
  return { http: 200, outcome: applied.outcome };
}
