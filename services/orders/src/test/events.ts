import { newEvent, PaymentSucceeded, StockRejected, StockReserved } from '@pasar/contracts';

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
