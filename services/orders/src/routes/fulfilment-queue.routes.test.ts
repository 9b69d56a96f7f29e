import { describe, expect, it } from 'vitest';
import { stockReserved } from '../test/events';
import { bearer, staffOf } from '../test/fixtures';
import { send, shopWithProducts } from '../test/http';
import { applyStockReserved } from '../use-cases/apply-stock-reserved';

type Shop = Awaited<ReturnType<typeof shopWithProducts>>;
const QUEUE = '/cooperatives/karangbesuki/orders/queue';

async function confirmed(shop: Shop) {
  const placed = await shop.placedOrder();
  await applyStockReserved(shop.deps, stockReserved(placed.order.id, shop.keripik.productId));
  return placed.order.id;
}

const column = (body: any, key: string) => body.columns.find((c: { key: string }) => c.key === key);
const ids = (col: any) => col.orders.map((o: { id: string }) => o.id);

describe('GET /cooperatives/{cooperativeId}/orders/queue', () => {
  it('puts each order in its column, newest first, with counts', async () => {
    const shop = await shopWithProducts();
    const placed = (await shop.placedOrder()).order.id;
    shop.advance(1_000);
    const older = await confirmed(shop);
    shop.advance(1_000);
    const newer = await confirmed(shop);
    shop.advance(1_000);
    const packed = await confirmed(shop);
    const gudang = await staffOf('karangbesuki', 'gudang');
    await send(shop.app, 'POST', `/cooperatives/karangbesuki/orders/${packed}/pack`, undefined, gudang);
    await shop.placedOrder({}, undefined, { cooperativeId: 'dinoyo' });

    const res = await send(
      shop.app,
      'GET',
      `${QUEUE}?day=2026-11-23`,
      undefined,
      await staffOf('karangbesuki', 'pengawas'),
    );

    expect(res.status).toBe(200);
    expect(res.body.day).toBe('2026-11-23');
    expect(res.body.columns.map((c: { key: string }) => c.key)).toEqual([
      'new',
      'toPack',
      'packed',
      'readyForPickup',
      'outForDelivery',
      'completed',
      'problems',
    ]);
    expect(ids(column(res.body, 'new'))).toEqual([placed]);
    expect(ids(column(res.body, 'toPack'))).toEqual([newer, older]);
    expect(column(res.body, 'toPack').count).toBe(2);
    expect(ids(column(res.body, 'packed'))).toEqual([packed]);
    expect(column(res.body, 'packed').orders[0].notaNumber).toMatch(/^KAR-2026-\d{6}$/);
  });

  it("keeps yesterday's open work, shows finished work on its day only, and filters by fulfilment", async () => {
    const shop = await shopWithProducts();
    const open = await confirmed(shop);
    const kasir = await staffOf('karangbesuki', 'kasir');
    const cancelled = await confirmed(shop);
    await send(
      shop.app,
      'POST',
      `/cooperatives/karangbesuki/orders/${cancelled}/cancel`,
      { reason: 'Stok rusak' },
      kasir,
    );

    const nextDay = await send(shop.app, 'GET', `${QUEUE}?day=2026-11-24`, undefined, kasir);
    expect(ids(column(nextDay.body, 'toPack'))).toEqual([open]);
    expect(column(nextDay.body, 'problems').count).toBe(0);
    const sameDay = await send(shop.app, 'GET', `${QUEUE}?day=2026-11-23`, undefined, kasir);
    expect(ids(column(sameDay.body, 'problems'))).toEqual([cancelled]);
    const dayBefore = await send(shop.app, 'GET', `${QUEUE}?day=2026-11-22`, undefined, kasir);
    expect(column(dayBefore.body, 'toPack').count).toBe(0);
    const delivery = await send(
      shop.app,
      'GET',
      `${QUEUE}?day=2026-11-23&fulfilment=delivery`,
      undefined,
      kasir,
    );
    expect(delivery.body.fulfilment).toBe('delivery');
    expect(column(delivery.body, 'toPack').count).toBe(0);
  });

  it('defaults to today in Asia/Jakarta and refuses a malformed day with 400', async () => {
    const shop = await shopWithProducts();
    const kasir = await staffOf('karangbesuki', 'kasir');
    expect((await send(shop.app, 'GET', QUEUE, undefined, kasir)).body.day).toBe('2026-11-23');
    const bad = await send(shop.app, 'GET', `${QUEUE}?day=23-11-2026`, undefined, kasir);
    expect([bad.status, bad.body.details.issues[0].field]).toEqual([400, 'query.day']);
  });

  it('is for staff of the cooperative only', async () => {
    const shop = await shopWithProducts();
    expect((await send(shop.app, 'GET', QUEUE)).status).toBe(401);
    expect(
      (await send(shop.app, 'GET', QUEUE, undefined, await staffOf('karangbesuki', 'penjual'))).status,
    ).toBe(403);
    expect((await send(shop.app, 'GET', QUEUE, undefined, await staffOf('dinoyo', 'kasir'))).status).toBe(
      404,
    );
    expect((await send(shop.app, 'GET', QUEUE, undefined, await bearer('per_x'))).status).toBe(404);
  });
});

/** Reads SSE frames until `count` frames of `event` arrived. */
async function readEvents(res: Response, event: string, count: number) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const found: Record<string, unknown>[] = [];
  while (found.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').find((l) => l.startsWith('data: '));
      if (frame.includes(`event: ${event}`) && data) found.push(JSON.parse(data.slice(6)));
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return found;
}

describe('GET /cooperatives/{cooperativeId}/orders/stream', () => {
  it("tells staff when an order of the cooperative changes, not another cooperative's", async () => {
    const shop = await shopWithProducts();
    const placed = (await shop.placedOrder()).order.id;
    const res = await shop.app.request('/cooperatives/karangbesuki/orders/stream', {
      headers: await staffOf('karangbesuki', 'gudang'),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reading = readEvents(res, 'order', 2);
    shop.advance(1_000);
    await shop.placedOrder({}, undefined, { cooperativeId: 'dinoyo' });
    await applyStockReserved(shop.deps, stockReserved(placed, shop.keripik.productId));
    shop.advance(1_000);
    const second = (await shop.placedOrder()).order.id;

    const events = await reading;
    expect(events).toEqual([
      expect.objectContaining({ orderId: placed, status: 'CONFIRMED', version: 2 }),
      expect.objectContaining({ orderId: second, status: 'PLACED', version: 1 }),
    ]);
    expect(Object.keys(events[0]!).sort()).toEqual([
      'notaNumber',
      'orderId',
      'status',
      'updatedAt',
      'version',
    ]);
  });

  it('is for staff of the cooperative only', async () => {
    const shop = await shopWithProducts();
    const url = '/cooperatives/karangbesuki/orders/stream';
    expect((await send(shop.app, 'GET', url)).status).toBe(401);
    expect(
      (await send(shop.app, 'GET', url, undefined, await staffOf('karangbesuki', 'anggota'))).status,
    ).toBe(403);
    expect((await send(shop.app, 'GET', url, undefined, await staffOf('dinoyo', 'pengurus'))).status).toBe(
      404,
    );
  });
});
