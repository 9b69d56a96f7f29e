import { AuditRecorded, type CooperativeRole, OrderCancelled } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { stockReserved } from '../test/events';
import { bearer, staffOf } from '../test/fixtures';
import { send, shopWithProducts } from '../test/http';
import { applyStockReserved } from '../use-cases/apply-stock-reserved';

type Shop = Awaited<ReturnType<typeof shopWithProducts>>;

/** A karangbesuki order that staff may pack (CONFIRMED: stock held, cash). */
async function confirmedOrder(shop: Shop) {
  const placed = await shop.placedOrder();
  await applyStockReserved(shop.deps, stockReserved(placed.order.id, shop.keripik.productId));
  return placed;
}

const base = (orderId = 'ord_AAAAAAAAAAAAAAAAAAAAAAAAAA') => `/cooperatives/karangbesuki/orders/${orderId}`;

interface StaffRoute {
  name: string;
  allowed: CooperativeRole[];
  denied: CooperativeRole[];
  /** Sends the request for a fresh order (writes need one in the right state for each call). */
  call(shop: Shop, headers: Record<string, string>): Promise<{ status: number }>;
  ok: number;
}

const ROUTES: StaffRoute[] = [
  {
    name: 'GET /cooperatives/{id}/orders',
    allowed: ['pengurus', 'kasir', 'gudang', 'pengawas'],
    denied: ['anggota', 'penjual'],
    call: (shop, h) => send(shop.app, 'GET', '/cooperatives/karangbesuki/orders', undefined, h),
    ok: 200,
  },
  {
    name: 'GET /cooperatives/{id}/orders/{orderId}',
    allowed: ['pengurus', 'kasir', 'gudang', 'pengawas'],
    denied: ['anggota', 'penjual'],
    call: async (shop, h) => send(shop.app, 'GET', base((await shop.placedOrder()).order.id), undefined, h),
    ok: 200,
  },
  {
    name: 'POST /cooperatives/{id}/orders/{orderId}/pack',
    allowed: ['gudang', 'pengurus'],
    denied: ['kasir', 'pengawas', 'anggota', 'penjual'],
    call: async (shop, h) =>
      send(shop.app, 'POST', `${base((await confirmedOrder(shop)).order.id)}/pack`, undefined, h),
    ok: 200,
  },
  {
    name: 'POST /cooperatives/{id}/orders/{orderId}/cancel',
    allowed: ['pengurus', 'kasir'],
    denied: ['gudang', 'pengawas', 'anggota', 'penjual'],
    call: async (shop, h) =>
      send(
        shop.app,
        'POST',
        `${base((await shop.placedOrder()).order.id)}/cancel`,
        { reason: 'Stok habis' },
        h,
      ),
    ok: 200,
  },
];

describe.each(ROUTES)('$name access', (route) => {
  it('is 401 without a token and 401 with a tampered one', async () => {
    const shop = await shopWithProducts();
    expect((await route.call(shop, {})).status).toBe(401);
    const { Authorization } = await staffOf('karangbesuki', 'pengurus');
    expect((await route.call(shop, { Authorization: `${Authorization}x` })).status).toBe(401);
  });

  it.each(route.allowed)('lets a %s of the cooperative in', async (role) => {
    const shop = await shopWithProducts();
    expect((await route.call(shop, await staffOf('karangbesuki', role))).status).toBe(route.ok);
  });

  it.each(route.denied)('refuses a %s of the same cooperative with 403', async (role) => {
    const shop = await shopWithProducts();
    expect((await route.call(shop, await staffOf('karangbesuki', role))).status).toBe(403);
  });

  it('answers 404 to staff of another cooperative and to a shopper signed in without roles', async () => {
    const shop = await shopWithProducts();
    for (const role of route.allowed) {
      expect((await route.call(shop, await staffOf('dinoyo', role))).status).toBe(404);
    }
    expect((await route.call(shop, await bearer('per_shopper'))).status).toBe(404);
  });
});

describe('GET /cooperatives/{cooperativeId}/orders (the staff queue)', () => {
  it('lists only this cooperative, newest first, filtered by status, page by page', async () => {
    const shop = await shopWithProducts();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await shop.placedOrder()).order.id);
      shop.advance(1_000);
    }
    await shop.placedOrder({}, undefined, { cooperativeId: 'dinoyo' });
    await applyStockReserved(shop.deps, stockReserved(ids[0]!, shop.keripik.productId));
    const kasir = await staffOf('karangbesuki', 'kasir');
    const url = '/cooperatives/karangbesuki/orders';

    const all = await send(shop.app, 'GET', url, undefined, kasir);
    expect(all.body.items.map((o: { id: string }) => o.id)).toEqual([...ids].reverse());
    expect(all.body.nextCursor).toBeNull();
    expect(all.body.items[0]).toMatchObject({ contact: { name: 'Siti Aminah' }, note: null });

    const first = await send(shop.app, 'GET', `${url}?limit=2`, undefined, kasir);
    expect(first.body.items.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[1]]);
    const second = await send(
      shop.app,
      'GET',
      `${url}?limit=2&cursor=${first.body.nextCursor}`,
      undefined,
      kasir,
    );
    expect([second.body.items.map((o: { id: string }) => o.id), second.body.nextCursor]).toEqual([
      [ids[0]],
      null,
    ]);

    const confirmed = await send(shop.app, 'GET', `${url}?status=CONFIRMED`, undefined, kasir);
    expect(confirmed.body.items.map((o: { id: string }) => o.id)).toEqual([ids[0]]);
  });

  it.each([
    ['limit=0', 'query.limit'],
    ['limit=101', 'query.limit'],
    ['limit=abc', 'query.limit'],
    ['status=SHIPPED', 'query.status'],
    ['cursor=not-a-cursor', 'query.cursor'],
  ])('answers 400 for %s, naming %s', async (query, field) => {
    const shop = await shopWithProducts();
    const res = await send(
      shop.app,
      'GET',
      `/cooperatives/karangbesuki/orders?${query}`,
      undefined,
      await staffOf('karangbesuki', 'pengurus'),
    );
    expect([res.status, res.body.details.issues[0].field]).toEqual([400, field]);
  });

  it('accepts any cursor of the documented shape (even one no page handed out)', async () => {
    const shop = await shopWithProducts();
    await shop.placedOrder();
    const res = await send(
      shop.app,
      'GET',
      '/cooperatives/karangbesuki/orders?cursor=999999999999999_ord_0000000000',
      undefined,
      await staffOf('karangbesuki', 'pengurus'),
    );
    expect([res.status, res.body.items.length]).toEqual([200, 1]);
  });
});

describe('GET /cooperatives/{cooperativeId}/orders/{orderId}', () => {
  it("shows the order with the shopper's note; another cooperative's order is 404 even in one's own path", async () => {
    const shop = await shopWithProducts();
    const mine = await shop.placedOrder({ note: 'Tolong dibungkus rapi' });
    const theirs = await shop.placedOrder({}, undefined, { cooperativeId: 'dinoyo' });
    const gudang = await staffOf('karangbesuki', 'gudang');
    const ok = await send(shop.app, 'GET', base(mine.order.id), undefined, gudang);
    expect(ok.body).toMatchObject({ id: mine.order.id, note: 'Tolong dibungkus rapi', status: 'PLACED' });
    for (const id of [theirs.order.id, 'ord_AAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await send(shop.app, 'GET', base(id), undefined, gudang);
      expect([res.status, res.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
    }
    const bad = await send(shop.app, 'GET', base('ord_x'), undefined, gudang);
    expect([bad.status, bad.body.details.issues[0].field]).toEqual([400, 'param.orderId']);
  });
});

describe('POST /cooperatives/{cooperativeId}/orders/{orderId}/pack', () => {
  it('packs a confirmed order and writes the audit entry in the same change', async () => {
    const shop = await shopWithProducts();
    const { order, accessToken } = await confirmedOrder(shop);
    const gudang = await staffOf('karangbesuki', 'gudang');

    const packed = await send(shop.app, 'POST', `${base(order.id)}/pack`, undefined, gudang);

    expect(packed.body).toMatchObject({ status: 'PACKED', canCancel: false });
    const audit = shop.stores.orders.outbox.filter((e) => e.type === AuditRecorded.type);
    expect(audit).toHaveLength(1);
    expect(AuditRecorded.envelope.parse(audit[0])).toMatchObject({
      subject: 'karangbesuki',
      data: {
        cooperativeId: 'karangbesuki',
        actorId: 'per_karangbesuki_gudang',
        actorRoles: ['gudang'],
        action: 'orders.order.packed',
        target: { type: 'order', id: order.id },
        before: { status: 'CONFIRMED' },
        after: { status: 'PACKED' },
      },
    });
    const cancel = await send(
      shop.app,
      'POST',
      `/orders/${order.id}/cancel`,
      {},
      { 'X-Order-Token': accessToken },
    );
    expect([cancel.status, cancel.body.code]).toEqual([409, 'ORDER.CANNOT_CANCEL']);
  });

  it('refuses an order not confirmed yet with 409, writing nothing', async () => {
    const shop = await shopWithProducts();
    const { order } = await shop.placedOrder();
    const res = await send(
      shop.app,
      'POST',
      `${base(order.id)}/pack`,
      undefined,
      await staffOf('karangbesuki', 'pengurus'),
    );
    expect([res.status, res.body.code]).toEqual([409, 'ORDER.INVALID_TRANSITION']);
    expect(shop.stores.orders.eventTypes()).toEqual(['pasar.orders.order.placed']);
  });

  it("answers 404 for another cooperative's order and writes nothing", async () => {
    const shop = await shopWithProducts();
    const theirs = await shop.placedOrder({}, undefined, { cooperativeId: 'dinoyo' });
    await applyStockReserved(shop.deps, stockReserved(theirs.order.id, shop.tempe.productId));
    const before = shop.stores.orders.eventTypes();
    const res = await send(
      shop.app,
      'POST',
      `${base(theirs.order.id)}/pack`,
      undefined,
      await staffOf('karangbesuki', 'gudang'),
    );
    expect([res.status, res.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
    expect(shop.stores.orders.byId.get(theirs.order.id)?.status).toBe('CONFIRMED');
    expect(shop.stores.orders.eventTypes()).toEqual(before);
  });
});

describe('POST /cooperatives/{cooperativeId}/orders/{orderId}/cancel (staff)', () => {
  it('cancels with OrderCancelled by staff and an audit entry; the shopper reads the reason', async () => {
    const shop = await shopWithProducts();
    const { order, accessToken } = await confirmedOrder(shop);
    const kasir = await staffOf('karangbesuki', 'kasir');

    const res = await send(shop.app, 'POST', `${base(order.id)}/cancel`, { reason: '  Stok rusak  ' }, kasir);

    expect(res.body).toMatchObject({ status: 'CANCELLED' });
    const cancelled = shop.stores.orders.outbox.find((e) => e.type === OrderCancelled.type);
    expect(OrderCancelled.envelope.parse(cancelled).data).toMatchObject({ by: 'staff', orderId: order.id });
    expect(JSON.stringify(cancelled)).not.toContain('Stok rusak');
    const audit = shop.stores.orders.outbox.find((e) => e.type === AuditRecorded.type);
    expect(AuditRecorded.envelope.parse(audit).data).toMatchObject({
      actorId: 'per_karangbesuki_kasir',
      action: 'orders.order.cancelled',
      before: { status: 'CONFIRMED', total: 30_000 },
      after: { status: 'CANCELLED' },
    });
    const seen = await send(shop.app, 'GET', `/orders/${order.id}`, undefined, {
      'X-Order-Token': accessToken,
    });
    expect(seen.body.timeline.at(-1)).toMatchObject({ status: 'CANCELLED', note: 'Stok rusak' });
  });

  it.each([
    ['no reason', {}, 'reason'],
    ['a blank reason', { reason: '   ' }, 'reason'],
    ['a two-letter reason', { reason: 'no' }, 'reason'],
    ['an unknown field', { reason: 'Stok habis', refund: 1 }, 'refund'],
  ])('answers 400 for %s, naming %s, and changes nothing', async (_what, body, field) => {
    const shop = await shopWithProducts();
    const { order } = await shop.placedOrder();
    const res = await send(
      shop.app,
      'POST',
      `${base(order.id)}/cancel`,
      body,
      await staffOf('karangbesuki', 'pengurus'),
    );
    expect([res.status, res.body.details.issues[0].field]).toEqual([400, field]);
    expect(shop.stores.orders.byId.get(order.id)?.status).toBe('PLACED');
    expect(shop.stores.orders.eventTypes()).toEqual(['pasar.orders.order.placed']);
  });

  it('cancels a packed order too (until handover), with one OrderCancelled', async () => {
    const shop = await shopWithProducts();
    const { order } = await confirmedOrder(shop);
    const pengurus = await staffOf('karangbesuki', 'pengurus');
    await send(shop.app, 'POST', `${base(order.id)}/pack`, undefined, pengurus);
    const res = await send(shop.app, 'POST', `${base(order.id)}/cancel`, { reason: 'Tidak jadi' }, pengurus);
    expect([res.status, res.body.status]).toEqual([200, 'CANCELLED']);
    expect(res.body.timeline.at(-1)).toMatchObject({
      status: 'CANCELLED',
      note: 'Tidak jadi',
      by: 'pengurus',
    });
    const cancelled = shop.stores.orders.eventTypes().filter((t) => t === OrderCancelled.type);
    expect(cancelled).toHaveLength(1);
  });
});
