import { amountString, midtransTime, signatureKey } from './format';
import { refunded, statusCodeOf, type Transaction } from './transaction';

export type Body = Record<string, unknown>;

const STATUS_MESSAGE = 'Success, transaction is found';
const NOTIFICATION_MESSAGE = 'midtrans payment notification';

/** The fields the status API and the notifications share, shaped like Midtrans' (strings for codes and amounts). */
function common(t: Transaction, amount: number, merchantId: string): Body {
  const body: Body = {
    transaction_time: midtransTime(t.transactionTime ?? t.createdAt),
    transaction_status: t.status,
    transaction_id: t.transactionId,
    status_code: statusCodeOf(t.status),
    order_id: t.orderId,
    merchant_id: merchantId,
    gross_amount: amountString(amount),
    currency: 'IDR',
    fraud_status: 'accept',
    expiry_time: midtransTime(t.expiresAt),
  };
  if (t.paymentType) body.payment_type = t.paymentType;
  if (t.settlementTime) body.settlement_time = midtransTime(t.settlementTime);
  if (t.paymentType === 'qris') {
    body.acquirer = 'gopay';
    body.issuer = 'gopay';
  }
  if (t.paymentType === 'bank_transfer' && t.vaNumber) {
    // Midtrans reports Permata VAs in their own field; the other banks in va_numbers.
    if (t.bank === 'permata') body.permata_va_number = t.vaNumber;
    else body.va_numbers = [{ bank: t.bank, va_number: t.vaNumber }];
    body.payment_amounts =
      t.status === 'settlement' ? [{ paid_at: body.settlement_time, amount: body.gross_amount }] : [];
  }
  if (t.refunds.length > 0) {
    body.refund_amount = amountString(refunded(t));
    body.refunds = t.refunds.map((r) => ({
      refund_chargeback_id: r.chargebackId,
      refund_amount: amountString(r.amount),
      created_at: midtransTime(r.at),
      reason: r.reason ?? '',
      refund_key: r.refundKey,
      refund_method: '',
    }));
  }
  return body;
}

/** GET /v2/{order_id}/status. A tampered transaction reports (and signs) the planted amount. */
export function statusBody(t: Transaction, merchantId: string, serverKey: string): Body {
  const body = common(t, t.reportedAmount ?? t.grossAmount, merchantId);
  body.status_message = STATUS_MESSAGE;
  body.signature_key = signatureKey(
    t.orderId,
    body.status_code as string,
    body.gross_amount as string,
    serverKey,
  );
  return body;
}

/** The HTTP notification Midtrans POSTs on each status change (always the true amount). */
export function notificationBody(t: Transaction, merchantId: string, serverKey: string): Body {
  const body = common(t, t.grossAmount, merchantId);
  body.status_message = NOTIFICATION_MESSAGE;
  body.signature_key = signatureKey(
    t.orderId,
    body.status_code as string,
    body.gross_amount as string,
    serverKey,
  );
  return body;
}

const ACTION_MESSAGE = {
  cancel: 'Success, transaction is canceled',
  expire: 'Success, transaction has expired',
} as const;

/** The answer of POST /v2/{order_id}/cancel|expire. */
export function actionBody(t: Transaction, action: keyof typeof ACTION_MESSAGE, merchantId: string): Body {
  const body = common(t, t.grossAmount, merchantId);
  body.status_message = ACTION_MESSAGE[action];
  return body;
}

/** The answer of POST /v2/{order_id}/refund for one refund (a replayed refund_key answers the same). */
export function refundBody(t: Transaction, refundKey: string, merchantId: string): Body {
  const r = t.refunds.find((x) => x.refundKey === refundKey);
  if (!r) throw new Error(`no refund ${refundKey}`);
  return {
    status_code: '200',
    status_message: 'Success, refund request is approved',
    transaction_id: t.transactionId,
    order_id: t.orderId,
    merchant_id: merchantId,
    gross_amount: amountString(t.grossAmount),
    currency: 'IDR',
    payment_type: t.paymentType,
    transaction_time: midtransTime(t.transactionTime ?? t.createdAt),
    transaction_status: t.status,
    refund_chargeback_id: r.chargebackId,
    refund_amount: amountString(r.amount),
    refund_key: r.refundKey,
  };
}
