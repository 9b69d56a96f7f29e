import midtransClient from 'midtrans-client';
import type { Snap } from 'midtrans-client';
import { midtransAmountToRupiah } from '../domain/midtrans-status';
import type { Payment, Refund } from '../domain/payment';
import type { OpenSessionInput, PaymentProvider, ProviderTruth } from '../use-cases/ports';

export interface MidtransOptions {
  serverKey: string;
  clientKey: string;
  /** Core API base (https://api.midtrans.com, or our offline sandbox). */
  apiBase: string;
  /** Snap base without `/snap/v1` (https://app.midtrans.com, or the sandbox). */
  snapBase: string;
  /** Where Midtrans sends HTTP notifications for our transactions (X-Override-Notification). */
  notificationUrl: string;
  /** `${storefront}/pesanan/<orderId>`: where the Snap page sends the shopper back. */
  finishUrl: (orderId: string) => string;
}

/** Midtrans' Snap names for our methods. */
const ENABLED_PAYMENTS: Record<string, string[]> = {
  qris: ['qris'],
  gopay: ['gopay'],
  shopeepay: ['shopeepay'],
  bank_transfer: ['bca_va', 'bni_va', 'bri_va', 'permata_va', 'other_va'],
};
/** Methods Midtrans refunds through the Core API; a bank VA it does not. */
const REFUNDABLE = new Set(['qris', 'gopay', 'shopeepay', 'credit_card']);

/** The status code Midtrans puts in the body (or the HTTP one) of a refused call. */
function statusCodeOf(err: unknown): string | null {
  const e = err as { httpStatusCode?: unknown; ApiResponse?: { status_code?: unknown } | null };
  if (e?.ApiResponse?.status_code !== undefined) return String(e.ApiResponse.status_code);
  return e?.httpStatusCode === undefined || e.httpStatusCode === null ? null : String(e.httpStatusCode);
}

/** A Snap client pointed at our bases (the library only knows Midtrans' own URLs). */
export function createSnap(opts: MidtransOptions): Snap {
  const snap = new midtransClient.Snap({
    isProduction: false,
    serverKey: opts.serverKey,
    clientKey: opts.clientKey,
  });
  snap.apiConfig.getCoreApiBaseUrl = () => opts.apiBase;
  snap.apiConfig.getSnapApiBaseUrl = () => `${opts.snapBase}/snap/v1`;
  snap.httpClient.http_client.defaults.headers.common['X-Override-Notification'] = opts.notificationUrl;
  return snap;
}

function truthOf(body: Record<string, unknown>): ProviderTruth {
  const va = Array.isArray(body.va_numbers)
    ? (body.va_numbers[0] as { va_number?: string } | undefined)
    : undefined;
  const refunds = Array.isArray(body.refunds) ? (body.refunds as { refund_amount?: string }[]) : [];
  const refundedAmount = refunds.reduce(
    (sum, r) => sum + (midtransAmountToRupiah(r.refund_amount ?? '0') ?? 0),
    0,
  );
  return {
    status: String(body.transaction_status),
    fraudStatus: typeof body.fraud_status === 'string' ? body.fraud_status : null,
    amount: midtransAmountToRupiah(String(body.gross_amount ?? '')),
    transactionId: typeof body.transaction_id === 'string' ? body.transaction_id : null,
    paymentType: typeof body.payment_type === 'string' ? body.payment_type : null,
    vaNumber: va?.va_number ?? (typeof body.permata_va_number === 'string' ? body.permata_va_number : null),
    refundedAmount: refundedAmount || (midtransAmountToRupiah(String(body.refund_amount ?? '0')) ?? 0),
    refundCount: refunds.length,
  };
}

/** QRIS, GoPay, ShopeePay and bank VA through Midtrans Snap (hosted page) and the Core API. */
export function midtransProvider(opts: MidtransOptions): PaymentProvider {
  const snap = createSnap(opts);
  return {
    name: 'midtrans',
    async openSession({ payment, ref, items }: OpenSessionInput) {
      const minutes = Math.max(1, Math.ceil((payment.expiresAt.getTime() - Date.now()) / 60_000));
      const res = await snap.createTransaction({
        transaction_details: { order_id: ref, gross_amount: payment.amount },
        item_details: items.map((i) => ({
          id: i.id,
          name: i.name.slice(0, 50),
          price: i.unitPrice,
          quantity: i.quantity,
        })),
        enabled_payments: ENABLED_PAYMENTS[payment.paymentMethod] ?? [],
        custom_expiry: { expiry_duration: minutes, unit: 'minute' },
        callbacks: { finish: opts.finishUrl(payment.orderId) },
      });
      return { ref, redirectUrl: res.redirect_url };
    },
    async status(payment: Payment) {
      if (!payment.providerRecord.ref) return null;
      try {
        return truthOf(await snap.transaction.status(payment.providerRecord.ref));
      } catch (err) {
        if (statusCodeOf(err) === '404') return null;
        throw err;
      }
    },
    async expire(payment: Payment) {
      if (!payment.providerRecord.ref) return 'not-open';
      try {
        await snap.transaction.expire(payment.providerRecord.ref);
        return 'expired';
      } catch (err) {
        // 412: the transaction is not pending any more (paid, already expired); 404: never chosen.
        const code = statusCodeOf(err);
        if (code === '412') return 'not-open';
        if (code === '404') return 'expired';
        throw err;
      }
    },
    async refund(payment: Payment, refund: Refund) {
      const ref = payment.providerRecord.ref;
      if (!ref || !REFUNDABLE.has(payment.providerRecord.paymentType ?? '')) return 'not-supported';
      try {
        const res = await snap.transaction.refund(ref, {
          refund_key: refund.key,
          amount: refund.amount,
          reason: refund.reason,
        });
        return { providerRefundId: String(res.refund_chargeback_id ?? res.refund_key ?? refund.key) };
      } catch (err) {
        if (statusCodeOf(err) === '412') return 'not-supported';
        throw err;
      }
    },
  };
}
