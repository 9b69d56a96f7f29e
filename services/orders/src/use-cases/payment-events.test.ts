import type { DataOf, OrderPaymentRequested } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { toOrderView, toStaffOrderView } from '../domain/views';
import {
  paymentExpired,
  paymentFailed,
  paymentRefunded,
  paymentRefundPending,
  paymentSessionOpened,
  paymentSucceeded,
  stockReserved,
} from '../test/events';
import { shopWithProducts } from '../test/http';
import { applyPaymentExpired } from './apply-payment-expired';
import { applyPaymentFailed } from './apply-payment-failed';
import { applyPaymentSucceeded } from './apply-payment-succeeded';
import { applyStockReserved } from './apply-stock-reserved';
import { recordPaymentSession } from './record-payment-session';
import { recordRefund } from './record-refund';

/** An online (QRIS) order of 2 keripik, stock held: AWAITING_PAYMENT. */
async function awaitingPayment(fulfilment: Record<string, unknown> = { method: 'pickup' }) {
  const shop = await shopWithProducts({ paymentMethods: ['cash', 'qris'] });
  const { order } = await shop.placedOrder({ paymentMethod: 'qris', fulfilment });
  await applyStockReserved(shop.deps, stockReserved(order.id, shop.keripik.productId));
  const stored = async () => {
    const o = await shop.stores.orders.findById(order.id);
    if (!o) throw new Error('order gone');
    return o;
  };
  return { shop, orderId: order.id, stored };
}

describe('OrderPaymentRequested items', () => {
  it('lists the lines, then the delivery fee, summing exactly to the amount', async () => {
    const { shop } = await awaitingPayment({
      method: 'delivery',
      address: {
        street: 'Jl. Raya Karangbesuki No. 12',
        kelurahan: 'Karangbesuki',
        kecamatan: 'Sukun',
        city: 'Kota Malang',
      },
    });
    const requested = shop.stores.orders.outbox.find((e) => e.type.endsWith('payment-requested'));
    const data = requested?.data as DataOf<typeof OrderPaymentRequested>;
    expect(data.items).toEqual([
      { id: shop.keripik.productId, name: shop.keripik.name, unitPrice: 15_000, quantity: 2 },
      { id: 'delivery', name: 'Ongkos kirim', unitPrice: 5_000, quantity: 1 },
    ]);
    expect(data.items?.reduce((s, i) => s + i.unitPrice * i.quantity, 0)).toBe(data.amount);
    expect(data.amount).toBe(35_000);
  });

  it('has no delivery item for pickup', async () => {
    const { shop } = await awaitingPayment();
    const requested = shop.stores.orders.outbox.find((e) => e.type.endsWith('payment-requested'));
    const data = requested?.data as DataOf<typeof OrderPaymentRequested>;
    expect(data.items?.map((i) => i.id)).toEqual([shop.keripik.productId]);
  });
});

describe('PaymentSessionOpened', () => {
  it('stores where to pay and bumps the version; the view shows it with the deadline', async () => {
    const { shop, orderId, stored } = await awaitingPayment();
    const before = (await stored()).version;
    const evt = paymentSessionOpened(orderId, 30_000);
    await recordPaymentSession(shop.deps, evt);
    const order = await stored();
    expect(order.version).toBe(before + 1);
    expect(order.payment).toEqual({
      paymentId: 'pay_test',
      provider: 'midtrans',
      redirectUrl: 'https://app.sandbox.midtrans.com/snap/v4/redirection/abc',
      openedAt: new Date(evt.time),
    });
    expect(toOrderView(order).payment).toEqual({
      provider: 'midtrans',
      redirectUrl: 'https://app.sandbox.midtrans.com/snap/v4/redirection/abc',
      deadline: order.expiresAt.toISOString(),
    });
    expect(toStaffOrderView(order).paymentId).toBe('pay_test');
    expect(JSON.stringify(toOrderView(order))).not.toContain('pay_test');
    expect(order.status).toBe('AWAITING_PAYMENT');
  });

  it('changes nothing on a redelivery', async () => {
    const { shop, orderId, stored } = await awaitingPayment();
    const evt = paymentSessionOpened(orderId, 30_000);
    await recordPaymentSession(shop.deps, evt);
    const once = await stored();
    await recordPaymentSession(shop.deps, evt);
    expect(await stored()).toEqual(once);
  });

  it('lets a newer session win, never an older one', async () => {
    const { shop, orderId, stored } = await awaitingPayment();
    const t0 = '2026-11-23T10:00:01.000Z';
    const t1 = '2026-11-23T10:00:05.000Z';
    await recordPaymentSession(
      shop.deps,
      paymentSessionOpened(orderId, 30_000, { paymentId: 'pay_2', redirectUrl: 'https://pay/2', time: t1 }),
    );
    await recordPaymentSession(
      shop.deps,
      paymentSessionOpened(orderId, 30_000, { paymentId: 'pay_1', redirectUrl: 'https://pay/1', time: t0 }),
    );
    expect((await stored()).payment?.paymentId).toBe('pay_2');
    await recordPaymentSession(
      shop.deps,
      paymentSessionOpened(orderId, 30_000, {
        paymentId: 'pay_3',
        redirectUrl: 'https://pay/3',
        time: '2026-11-23T10:00:09.000Z',
      }),
    );
    expect((await stored()).payment?.redirectUrl).toBe('https://pay/3');
  });

  it('hides the payment page once the order no longer awaits payment', async () => {
    const { shop, orderId, stored } = await awaitingPayment();
    await recordPaymentSession(shop.deps, paymentSessionOpened(orderId, 30_000));
    await applyPaymentSucceeded(shop.deps, paymentSucceeded(orderId, 30_000));
    const order = await stored();
    expect(order.status).toBe('PAID');
    expect(toOrderView(order).payment).toMatchObject({ provider: 'midtrans', redirectUrl: null });
  });
});

describe('PaymentFailed', () => {
  it('cancels an order awaiting payment, by the system, with the reason code and OrderCancelled', async () => {
    const { shop, orderId, stored } = await awaitingPayment();
    await recordPaymentSession(shop.deps, paymentSessionOpened(orderId, 30_000));
    const cause = paymentFailed(orderId);
    await applyPaymentFailed(shop.deps, cause);
    const order = await stored();
    expect(order.status).toBe('CANCELLED');
    expect(order.cancelReason).toBe('payment_failed');
    expect(order.timeline.at(-1)).toMatchObject({ status: 'CANCELLED', note: 'Pembayaran gagal' });
    expect(toOrderView(order)).toMatchObject({ cancelReason: 'payment_failed', canCancel: false });
    const cancelled = shop.stores.orders.outbox.at(-1);
    expect(cancelled?.type).toBe('pasar.orders.order.cancelled');
    expect(cancelled?.data).toMatchObject({
      orderId,
      by: 'system',
      reason: 'Pembayaran gagal',
      lines: [{ productId: shop.keripik.productId, quantity: 2 }],
    });
    expect(cancelled?.causationid).toBe(cause.id);
  });

  it('is a no-op for an order in any other state, and for an older attempt', async () => {
    const { shop, orderId, stored } = await awaitingPayment();
    await recordPaymentSession(shop.deps, paymentSessionOpened(orderId, 30_000, { paymentId: 'pay_new' }));
    await applyPaymentFailed(shop.deps, paymentFailed(orderId, 'pay_old'));
    expect((await stored()).status).toBe('AWAITING_PAYMENT');
    await applyPaymentSucceeded(shop.deps, paymentSucceeded(orderId, 30_000));
    const events = shop.stores.orders.outbox.length;
    await applyPaymentFailed(shop.deps, paymentFailed(orderId, 'pay_new'));
    expect((await stored()).status).toBe('PAID');
    expect(shop.stores.orders.outbox).toHaveLength(events);
  });
});

describe('PaymentExpired', () => {
  it('expires an order awaiting payment before its own deadline, with OrderExpired', async () => {
    const { shop, orderId, stored } = await awaitingPayment();
    await applyPaymentExpired(shop.deps, paymentExpired(orderId));
    const order = await stored();
    expect(order.status).toBe('EXPIRED');
    expect(order.timeline.at(-1)).toMatchObject({ status: 'EXPIRED', note: 'Waktu pembayaran habis' });
    expect(shop.stores.orders.outbox.at(-1)).toMatchObject({
      type: 'pasar.orders.order.expired',
      data: { orderId, lines: [{ productId: shop.keripik.productId, quantity: 2 }] },
    });
    expect(shop.stores.expiries.byId.has(orderId)).toBe(false);
  });

  it('is a no-op once the order is paid, or already expired', async () => {
    const { shop, orderId, stored } = await awaitingPayment();
    await applyPaymentExpired(shop.deps, paymentExpired(orderId));
    const events = shop.stores.orders.outbox.length;
    await applyPaymentExpired(shop.deps, paymentExpired(orderId));
    expect(shop.stores.orders.outbox).toHaveLength(events);
    expect((await stored()).status).toBe('EXPIRED');
  });
});

describe('refunds', () => {
  it('records pending, then refunded, with timeline notes; the status never changes', async () => {
    const { shop, orderId, stored } = await awaitingPayment();
    await applyPaymentExpired(shop.deps, paymentExpired(orderId));
    const v0 = (await stored()).version;
    await recordRefund(shop.deps, paymentRefundPending(orderId, 30_000));
    let order = await stored();
    expect([order.status, order.version, order.refund?.status]).toEqual(['EXPIRED', v0 + 1, 'pending']);
    expect(order.timeline.at(-1)).toMatchObject({ status: 'EXPIRED', note: 'Dana sedang dikembalikan' });
    await recordRefund(shop.deps, paymentRefunded(orderId, 30_000, 'manual'));
    order = await stored();
    expect(toOrderView(order).refund).toEqual({
      status: 'refunded',
      amount: 30_000,
      via: 'manual',
      reason: 'order_cancelled',
      at: expect.any(String),
    });
    expect(order.timeline.at(-1)).toMatchObject({ note: 'Dana sudah dikembalikan' });
    expect(order.status).toBe('EXPIRED');
  });

  it('ignores a redelivery and a late "pending" after "refunded"', async () => {
    const { shop, orderId, stored } = await awaitingPayment();
    await recordRefund(shop.deps, paymentRefunded(orderId, 30_000, 'provider'));
    const once = await stored();
    await recordRefund(shop.deps, paymentRefunded(orderId, 30_000, 'provider'));
    await recordRefund(shop.deps, paymentRefundPending(orderId, 30_000));
    expect(await stored()).toEqual(once);
    expect(once.refund).toMatchObject({ status: 'refunded', via: 'provider' });
  });
});
