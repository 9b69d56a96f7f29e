import {
  AuditRecorded,
  type CooperativeRole,
  OrderCancelled,
  OrderCompleted,
  OrderOutForDelivery,
  OrderPacked,
  OrderReadyForPickup,
} from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { deliveryAddress, bearer, staffOf } from '../test/fixtures';
import { stockReserved } from '../test/events';
import { send, shopWithProducts } from '../test/http';
import { applyStockReserved } from '../use-cases/apply-stock-reserved';

type Shop = Awaited<ReturnType<typeof shopWithProducts>>;
const base = (orderId: string, coop = 'karangbesuki') => `/cooperatives/${coop}/orders/${orderId}`;

/** A confirmed cash order of 2 keripik (30 000), pickup unless `delivery`, with its pickup code. */
async function confirmed(shop: Shop, delivery = false) {
  const placed = await shop.placedOrder(
    delivery ? { fulfilment: { method: 'delivery', address: deliveryAddress } } : {},
  );
  await applyStockReserved(shop.deps, stockReserved(placed.order.id, shop.keripik.productId));
  const pickupCode = shop.stores.orders.byId.get(placed.order.id)!.pickupCode!;
  return { ...placed, id: placed.order.id, pickupCode };
}

async function step(shop: Shop, id: string, path: string, role: CooperativeRole, body?: unknown) {
  return send(shop.app, 'POST', `${base(id)}/${path}`, body, await staffOf('karangbesuki', role));
}

/** Packed and ready at the outlet. */
async function ready(shop: Shop) {
  const o = await confirmed(shop);
  await step(shop, o.id, 'pack', 'gudang');
  await step(shop, o.id, 'ready', 'gudang');
  return o;
}

const eventsOf = (shop: Shop, type: string, orderId: string) =>
  shop.stores.orders.outbox.filter((e) => e.type === type && e.subject === orderId);
const auditsOf = (shop: Shop, orderId: string) =>
  shop.stores.orders.outbox
    .filter((e) => e.type === AuditRecorded.type)
    .map((e) => e.data as { action: string; target: { id: string }; before?: unknown; after?: unknown })
    .filter((d) => d.target.id === orderId);

describe('a cash pickup order from packing to handover', () => {
  it('packs, puts out and hands over with the code and the cash: one event each, audited, timeline by role', async () => {
    const shop = await shopWithProducts();
    const o = await confirmed(shop);
    expect((await step(shop, o.id, 'pack', 'gudang')).body.status).toBe('PACKED');
    const r = await step(shop, o.id, 'ready', 'gudang');
    expect(r.body.status).toBe('READY_FOR_PICKUP');
    const done = await step(shop, o.id, 'hand-over', 'kasir', {
      pickupCode: o.pickupCode.toLowerCase(),
      cashReceived: 50_000,
    });

    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'COMPLETED',
      notaNumber: 'KAR-2026-000001',
      handover: 'pickup_code',
      cashReceived: 50_000,
      change: 20_000,
    });
    expect(done.body.timeline.slice(-3)).toMatchObject([
      { status: 'PACKED', by: 'gudang' },
      { status: 'READY_FOR_PICKUP', by: 'gudang' },
      { status: 'COMPLETED', by: 'kasir' },
    ]);
    expect(eventsOf(shop, OrderPacked.type, o.id).map((e) => e.data)).toEqual([
      { orderId: o.id, notaNumber: 'KAR-2026-000001', fulfilment: 'pickup' },
    ]);
    expect(eventsOf(shop, OrderReadyForPickup.type, o.id)).toHaveLength(1);
    const completed = eventsOf(shop, OrderCompleted.type, o.id);
    expect(completed.map((e) => e.data)).toMatchObject([
      { paymentMethod: 'cash', total: 30_000, cashReceived: 50_000, handover: 'pickup_code' },
    ]);
    expect(auditsOf(shop, o.id).map((a) => a.action)).toEqual([
      'orders.order.packed',
      'orders.order.ready-for-pickup',
      'orders.order.completed',
    ]);
    // The shopper's page shows the same, and the version moved with each step.
    const shopper = await send(shop.app, 'GET', `/orders/${o.id}`, undefined, {
      'X-Order-Token': o.accessToken,
    });
    expect(shopper.body).toMatchObject({
      status: 'COMPLETED',
      notaNumber: 'KAR-2026-000001',
      change: 20_000,
    });
    expect(shop.stores.orders.byId.get(o.id)!.version).toBe(5);
  });

  it('refuses a cash handover without the cash or with too little (422), changing nothing', async () => {
    const shop = await shopWithProducts();
    const o = await ready(shop);
    const none = await step(shop, o.id, 'hand-over', 'kasir', { pickupCode: o.pickupCode });
    expect([none.status, none.body.code]).toEqual([422, 'ORDER.CASH_REQUIRED']);
    const short = await step(shop, o.id, 'hand-over', 'kasir', {
      pickupCode: o.pickupCode,
      cashReceived: 20_000,
    });
    expect([short.status, short.body.code]).toEqual([422, 'ORDER.CASH_SHORT']);
    expect(shop.stores.orders.byId.get(o.id)!.status).toBe('READY_FOR_PICKUP');
  });

  it('refuses a wrong code with 422, audits it, and after 5 wrong codes answers 429 with Retry-After even for the right one', async () => {
    const shop = await shopWithProducts();
    const o = await ready(shop);
    for (let i = 0; i < 5; i++) {
      const wrong = await step(shop, o.id, 'hand-over', 'kasir', {
        pickupCode: 'ZZZZZZ',
        cashReceived: 30_000,
      });
      expect([wrong.status, wrong.body.code]).toEqual([422, 'ORDER.WRONG_PICKUP_CODE']);
    }
    const refused = auditsOf(shop, o.id).filter((a) => a.action === 'orders.order.pickup-code-refused');
    expect(refused).toHaveLength(5);
    expect(JSON.stringify(refused)).not.toContain('ZZZZZZ');

    const throttled = await step(shop, o.id, 'hand-over', 'kasir', {
      pickupCode: o.pickupCode,
      cashReceived: 30_000,
    });
    expect([throttled.status, throttled.body.code]).toEqual([429, 'ORDER.PICKUP_CODE_THROTTLED']);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(shop.stores.orders.byId.get(o.id)!.status).toBe('READY_FOR_PICKUP');
  });

  it('refuses a handover of an order not ready (409) before judging any code', async () => {
    const shop = await shopWithProducts();
    const o = await confirmed(shop);
    const res = await step(shop, o.id, 'hand-over', 'kasir', { pickupCode: 'ZZZZZZ', cashReceived: 30_000 });
    expect([res.status, res.body.code]).toEqual([409, 'ORDER.INVALID_TRANSITION']);
    expect(auditsOf(shop, o.id)).toHaveLength(0);
  });

  it('does not put a delivery order out at the outlet (409)', async () => {
    const shop = await shopWithProducts();
    const o = await confirmed(shop, true);
    await step(shop, o.id, 'pack', 'gudang');
    const res = await step(shop, o.id, 'ready', 'kasir');
    expect([res.status, res.body.code]).toEqual([409, 'ORDER.INVALID_TRANSITION']);
  });
});

describe('a delivery order', () => {
  it('goes out and is handed over by the courier with a note (shown in the timeline) and the cash', async () => {
    const shop = await shopWithProducts();
    const o = await confirmed(shop, true);
    await step(shop, o.id, 'pack', 'gudang');
    expect((await step(shop, o.id, 'out-for-delivery', 'gudang')).body.status).toBe('OUT_FOR_DELIVERY');
    const none = await step(shop, o.id, 'deliver', 'gudang', { cashReceived: 35_000 });
    expect([none.status, none.body.code]).toEqual([422, 'ORDER.HANDOVER_PROOF_REQUIRED']);
    const done = await step(shop, o.id, 'deliver', 'gudang', {
      note: 'Diterima Bu RT',
      cashReceived: 35_000,
    });
    expect(done.body).toMatchObject({
      status: 'COMPLETED',
      handover: 'courier_note',
      cashReceived: 35_000,
      change: 0,
    });
    expect(done.body.timeline.at(-1)).toEqual(
      expect.objectContaining({ status: 'COMPLETED', note: 'Diterima Bu RT', by: 'gudang' }),
    );
    expect(eventsOf(shop, OrderOutForDelivery.type, o.id)).toHaveLength(1);
    expect(
      eventsOf(shop, OrderCompleted.type, o.id).map((e) => (e.data as { handover: string }).handover),
    ).toEqual(['courier_note']);
  });

  it('takes the pickup code from the courier too', async () => {
    const shop = await shopWithProducts();
    const o = await confirmed(shop, true);
    await step(shop, o.id, 'pack', 'pengurus');
    await step(shop, o.id, 'out-for-delivery', 'pengurus');
    const done = await step(shop, o.id, 'deliver', 'kasir', {
      pickupCode: o.pickupCode,
      cashReceived: 40_000,
    });
    expect(done.body).toMatchObject({ handover: 'courier_code', change: 5_000 });
  });
});

describe('staff cancel until handover', () => {
  it('cancels an order out for delivery with one OrderCancelled; a completed one is 409', async () => {
    const shop = await shopWithProducts();
    const o = await confirmed(shop, true);
    await step(shop, o.id, 'pack', 'gudang');
    await step(shop, o.id, 'out-for-delivery', 'gudang');
    const res = await step(shop, o.id, 'cancel', 'kasir', { reason: 'Alamat tidak ditemukan' });
    expect(res.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'staff' });
    expect(eventsOf(shop, OrderCancelled.type, o.id)).toHaveLength(1);

    const p = await ready(shop);
    await step(shop, p.id, 'hand-over', 'kasir', { pickupCode: p.pickupCode, cashReceived: 30_000 });
    const late = await step(shop, p.id, 'cancel', 'kasir', { reason: 'Terlambat' });
    expect([late.status, late.body.code]).toEqual([409, 'ORDER.INVALID_TRANSITION']);
  });
});

interface Access {
  path: string;
  allowed: CooperativeRole[];
  denied: CooperativeRole[];
  prepare(shop: Shop): Promise<{ id: string; body?: unknown }>;
}

const ACCESS: Access[] = [
  {
    path: 'ready',
    allowed: ['gudang', 'pengurus', 'kasir'],
    denied: ['pengawas', 'anggota', 'penjual'],
    prepare: async (shop) => {
      const o = await confirmed(shop);
      await step(shop, o.id, 'pack', 'gudang');
      return { id: o.id };
    },
  },
  {
    path: 'out-for-delivery',
    allowed: ['gudang', 'pengurus'],
    denied: ['kasir', 'pengawas', 'anggota', 'penjual'],
    prepare: async (shop) => {
      const o = await confirmed(shop, true);
      await step(shop, o.id, 'pack', 'gudang');
      return { id: o.id };
    },
  },
  {
    path: 'hand-over',
    allowed: ['kasir', 'pengurus'],
    denied: ['gudang', 'pengawas', 'anggota', 'penjual'],
    prepare: async (shop) => {
      const o = await ready(shop);
      return { id: o.id, body: { pickupCode: o.pickupCode, cashReceived: 30_000 } };
    },
  },
  {
    path: 'deliver',
    allowed: ['kasir', 'gudang', 'pengurus'],
    denied: ['pengawas', 'anggota', 'penjual'],
    prepare: async (shop) => {
      const o = await confirmed(shop, true);
      await step(shop, o.id, 'pack', 'gudang');
      await step(shop, o.id, 'out-for-delivery', 'gudang');
      return { id: o.id, body: { note: 'Diterima tetangga', cashReceived: 35_000 } };
    },
  },
];

describe.each(ACCESS)('POST …/$path access', (route) => {
  it.each(route.allowed)('lets a %s in', async (role) => {
    const shop = await shopWithProducts();
    const { id, body } = await route.prepare(shop);
    expect((await step(shop, id, route.path, role, body)).status).toBe(200);
  });

  it.each(route.denied)('refuses a %s with 403', async (role) => {
    const shop = await shopWithProducts();
    const { id, body } = await route.prepare(shop);
    expect((await step(shop, id, route.path, role, body)).status).toBe(403);
  });

  it('is 401 without a token and 404 for staff of another cooperative', async () => {
    const shop = await shopWithProducts();
    const { id, body } = await route.prepare(shop);
    expect((await send(shop.app, 'POST', `${base(id)}/${route.path}`, body)).status).toBe(401);
    const other = await staffOf('dinoyo', route.allowed[0]!);
    expect((await send(shop.app, 'POST', `${base(id)}/${route.path}`, body, other)).status).toBe(404);
    expect(
      (await send(shop.app, 'POST', `${base(id)}/${route.path}`, body, await bearer('per_x'))).status,
    ).toBe(404);
  });
});
