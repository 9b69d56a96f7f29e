import { answerSchema } from './contract.server';
import { callService } from './http.server';
import type { ManualRefundPage, Reconciliation, StaffPaymentView } from './views';

/**
 * The payments service, for the cooperative's staff only (every call carries the person's payments
 * token). Shoppers never call it: their order page shows the payment as orders knows it.
 */
const cooperativePath = (cooperativeId: string) => `/cooperatives/${encodeURIComponent(cooperativeId)}`;

/** Reconciliation asks the provider about every online payment of the range, one after another. */
const RECONCILIATION_TIMEOUT_MS = 30_000;

/** The latest payment attempt of an order (pengurus, kasir, pengawas); 404 when none or another cooperative's. */
export function getPaymentByOrder(token: string, orderId: string): Promise<StaffPaymentView> {
  return callService('payments', `/payments/by-order/${encodeURIComponent(orderId)}`, {
    token,
    schema: answerSchema('payments', 'get', '/payments/by-order/{orderId}'),
  });
}

/** Refunds staff must make by hand (bank VA payments Midtrans cannot refund by API), oldest first. */
export function listManualRefunds(token: string, cooperativeId: string): Promise<ManualRefundPage> {
  return callService('payments', `${cooperativePath(cooperativeId)}/refunds/manual`, {
    token,
    schema: answerSchema('payments', 'get', '/cooperatives/{cooperativeId}/refunds/manual'),
  });
}

/** Marks a manual refund done with a note (pengurus, kasir); ApiError PAYMENT.INVALID_TRANSITION (409) once done. */
export function markManualRefundDone(
  token: string,
  cooperativeId: string,
  paymentId: string,
  note: string,
): Promise<StaffPaymentView> {
  return callService(
    'payments',
    `${cooperativePath(cooperativeId)}/refunds/${encodeURIComponent(paymentId)}/done`,
    {
      method: 'POST',
      token,
      body: { note },
      schema: answerSchema('payments', 'post', '/cooperatives/{cooperativeId}/refunds/{paymentId}/done'),
    },
  );
}

/** Every online payment of the Jakarta days [from, to] compared with its provider and its order (pengurus, pengawas). */
export function reconcile(
  token: string,
  cooperativeId: string,
  range: { from: string; to?: string },
): Promise<Reconciliation> {
  return callService('payments', `${cooperativePath(cooperativeId)}/reconciliation`, {
    token,
    query: { from: range.from, to: range.to },
    timeoutMs: RECONCILIATION_TIMEOUT_MS,
    schema: answerSchema('payments', 'get', '/cooperatives/{cooperativeId}/reconciliation'),
  });
}
