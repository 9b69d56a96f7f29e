import type { CooperativeRole } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { stockReserved } from '../test/events';
import { staffOf } from '../test/fixtures';
import { send, shopWithProducts } from '../test/http';
import { applyStockReserved } from '../use-cases/apply-stock-reserved';

const path = '/cooperatives/karangbesuki/stats';

describe('GET /cooperatives/{id}/stats', () => {
  it.each<CooperativeRole>(['pengurus', 'pengawas', 'kasir'])(
    'answers a %s of the cooperative',
    async (role) => {
      const shop = await shopWithProducts();
      const placed = await shop.placedOrder();
      await applyStockReserved(shop.deps, stockReserved(placed.order.id, shop.keripik.productId));
      await shop.placedOrder(); // PLACED: counted, no revenue yet

      const res = await send(
        shop.app,
        'GET',
        `${path}?days=7`,
        undefined,
        await staffOf('karangbesuki', role),
      );

      expect(res.status).toBe(200);
      expect(res.body.today).toEqual({
        orders: 2,
        revenue: 30_000,
        byPaymentMethod: { cash: { orders: 2, revenue: 30_000 } },
      });
      expect(res.body.days).toHaveLength(7);
      expect(res.body.days.at(-1)).toEqual({ date: '2026-11-23', orders: 2, revenue: 30_000 });
    },
  );

  it.each<CooperativeRole>(['gudang', 'anggota'])('refuses a %s with 403', async (role) => {
    const shop = await shopWithProducts();
    expect((await send(shop.app, 'GET', path, undefined, await staffOf('karangbesuki', role))).status).toBe(
      403,
    );
  });

  it('is 404 for staff of another cooperative and 401 without a token', async () => {
    const shop = await shopWithProducts();
    expect((await send(shop.app, 'GET', path, undefined, await staffOf('dinoyo', 'pengurus'))).status).toBe(
      404,
    );
    expect((await send(shop.app, 'GET', path)).status).toBe(401);
  });

  it('defaults to 30 days and refuses a window over 90 with 400 naming query.days', async () => {
    const shop = await shopWithProducts();
    const auth = await staffOf('karangbesuki', 'pengurus');
    expect((await send(shop.app, 'GET', path, undefined, auth)).body.days).toHaveLength(30);
    const bad = await send(shop.app, 'GET', `${path}?days=91`, undefined, auth);
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues[0].field).toBe('query.days');
  });
});

describe('contact email at checkout', () => {
  it('is stored on the order but shown in no view', async () => {
    const shop = await shopWithProducts();
    const contact = { name: 'Siti Aminah', phone: '0812-3456-7890', email: ' siti@contoh.id ' };
    const placed = await shop.placedOrder({ contact });
    expect((await shop.deps.orders.findById(placed.order.id))?.contact.email).toBe('siti@contoh.id');
    expect(JSON.stringify(placed.order)).not.toContain('siti@');
  });

  it('refuses a malformed address with 400 naming contact.email', async () => {
    const shop = await shopWithProducts();
    const cartId = await shop.cartWithKeripik();
    const res = await send(
      shop.app,
      'POST',
      '/orders',
      {
        cartId,
        fulfilment: { method: 'pickup' },
        paymentMethod: 'cash',
        contact: { name: 'Siti', phone: '081234567890', email: 'siti@' },
      },
      { 'Idempotency-Key': 'key-bad-email-1' },
    );
    expect(res.status).toBe(400);
    expect(res.body.details.issues.map((i: { field: string }) => i.field)).toContain('contact.email');
  });
});
