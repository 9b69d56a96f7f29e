import {
  newEvent,
  PaymentExpired,
  PaymentFailed,
  PaymentRefunded,
  PaymentRefundPending,
  PaymentSessionOpened,
  PaymentSucceeded,
  StockRejected,
  StockReserved,
} from '@pasar/contracts';

const ctx = { source: 'urn:pasar:test', cooperativeId: 'karangbesuki' };

export const stockReserved = (orderId: string, productId: string, quantity = 2) =>
  newEvent(StockReserved, orderId, { orderId, lines: [{ productId, quantity }] }, ctx);

export const stockRejected = (orderId: string, productId: string, requested = 2, available = 1) =>
  newEvent(
    StockRejected,
    orderId,
    { orderId, reason: 'INSUFFICIENT_STOCK', productId, requested, available },
    ctx,
  );

export const paymentSucceeded = (orderId: string, amount: number) =>
  newEvent(PaymentSucceeded, orderId, { orderId, paymentId: 'pay_test', amount }, ctx);

export const paymentSessionOpened = (
  orderId: string,
  amount: number,
  opts: { paymentId?: string; redirectUrl?: string | null; time?: string } = {},
) => {
  const evt = newEvent(
    PaymentSessionOpened,
    orderId,
    {
      orderId,
      paymentId: opts.paymentId ?? 'pay_test',
      provider: 'midtrans',
      paymentMethod: 'qris',
      amount,
      redirectUrl:
        opts.redirectUrl === undefined
          ? 'https://app.sandbox.midtrans.com/snap/v4/redirection/abc'
          : opts.redirectUrl,
    },
    ctx,
  );
  return opts.time ? { ...evt, time: opts.time } : evt;
};

export const paymentFailed = (orderId: string, paymentId = 'pay_test') =>
  newEvent(PaymentFailed, orderId, { orderId, paymentId, reason: 'deny' }, ctx);

export const paymentExpired = (orderId: string, paymentId = 'pay_test') =>
  newEvent(PaymentExpired, orderId, { orderId, paymentId }, ctx);

export const paymentRefundPending = (orderId: string, amount: number) =>
  newEvent(
    PaymentRefundPending,
    orderId,
    { orderId, paymentId: 'pay_test', amount, reason: 'order_cancelled' },
    ctx,
  );

export const paymentRefunded = (orderId: string, amount: number, via: 'provider' | 'manual' = 'manual') =>
  newEvent(
    PaymentRefunded,
    orderId,
    { orderId, paymentId: 'pay_test', amount, refundId: 'ref_test', via, reason: 'order_cancelled' },
    ctx,
  );
