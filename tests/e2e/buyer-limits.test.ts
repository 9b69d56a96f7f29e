import { uniqueName, waitFor } from '@pasar/testkit';
import mongoose from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addToCart,
  api,
  newCart,
  placeOrder,
  registerCooperative,
  staffAuth,
  startTestMarket,
  type TestMarket,
  waitForOrderStatus,
} from '../lib/market';

let m: TestMarket;
const coop = `gas${Date.now().toString(36)}`;
const NIK = '3573011203900004';
const OTHER_NIK = '3573014506920001';

beforeAll(async () => {
  m = await startTestMarket();
  await registerCooperative(m, coop);
});

afterAll(async () => {
  await m?.stop();
});

/** One cart with `quantity` of the product, checked out with `nik` (a fresh Idempotency-Key each). */
async function checkout(productId: string, nik: string | undefined, quantity = 1) {
  const cartId = await newCart(m, coop);
  await addToCart(m, cartId, productId, quantity);
  return placeOrder(m, cartId, uniqueName('idem'), nik === undefined ? {} : { buyerNik: nik });
}

it('sells a product limited to 2 per NIK per week exactly 2 times to 20 concurrent checkouts by one NIK', async () => {
  // Arrange: staff list LPG 3 kg at the HET with a buyer limit; it travels to orders by event.
  const created = await api<{ id: string; buyerLimit: unknown; het: boolean }>(
    `${m.urls.catalog}/cooperatives/${coop}/products`,
    {
      headers: await staffAuth(m, coop, 'catalog'),
      body: {
        sku: `LPG3-${Date.now().toString(36)}`,
        sellerId: 'mbr_e2e_koperasi',
        name: 'LPG 3 kg',
        category: 'lpg',
        unit: 'tabung',
        price: 18_000,
        stock: 50,
        buyerLimit: { quantity: 2, period: 'week' },
        het: true,
      },
    },
  );
  expect(created.status).toBe(201);
  expect([created.body.buyerLimit, created.body.het]).toEqual([{ quantity: 2, period: 'week' }, true]);
  const productId = created.body.id;
  const page = await api<{ buyerLimit: unknown; het: boolean }>(`${m.urls.catalog}/products/${productId}`);
  expect([page.body.buyerLimit, page.body.het]).toEqual([{ quantity: 2, period: 'week' }, true]);

  // Without a NIK the checkout is a 400 naming buyerNik.
  const noNik = await checkout(productId, undefined);
  expect(noNik.status).toBe(400);
  expect(JSON.stringify(noNik.body)).toContain('buyerNik');

  // Act: 20 carts of one tabung each, checked out at the same time with the same NIK.
  const carts = await Promise.all(Array.from({ length: 20 }, () => newCart(m, coop)));
  await addToCart(m, carts[0]!, productId, 1);
  await Promise.all(carts.slice(1).map((c) => addToCart(m, c, productId, 1)));
  const answers = await Promise.all(
    carts.map((c) => placeOrder(m, c, uniqueName('idem'), { buyerNik: NIK })),
  );

  // Assert: exactly 2 accepted; the rest refused naming the product, the limit and the reset.
  const accepted = answers.filter((a) => a.status === 201);
  const refused = answers.filter((a) => a.status === 409);
  expect(accepted).toHaveLength(2);
  expect(refused).toHaveLength(18);
  for (const r of refused as { body: any }[]) {
    expect(r.body.code).toBe('ORDER.BUYER_LIMIT');
    expect(r.body.message).toMatch(
      /^LPG 3 kg: batas 2 tabung per minggu per NIK; bisa lagi mulai Senin \d+ \S+ \d{4}$/,
    );
    expect(r.body.details).toMatchObject({ productId, limit: 2, period: 'week', alreadyBought: 2 });
    expect(new Date(r.body.details.resetsAt).getTime()).toBeGreaterThan(Date.now());
  }
  for (const a of answers) expect(JSON.stringify(a.body)).not.toContain(NIK);
  const orders = await Promise.all(
    accepted.map((a) => waitForOrderStatus(m, a.body.order.id, a.body.accessToken, ['CONFIRMED'], 60_000)),
  );
  expect(orders.map((o) => o.status)).toEqual(['CONFIRMED', 'CONFIRMED']);

  // Another NIK is unaffected.
  expect((await checkout(productId, OTHER_NIK, 2)).status).toBe(201);

  // A cancel gives its unit back: one more for the first NIK, then the limit again.
  const first = accepted[0]!.body;
  const cancelled = await api(`${m.urls.orders}/orders/${first.order.id}/cancel`, {
    headers: { 'x-order-token': first.accessToken },
    body: {},
  });
  expect(cancelled.status).toBe(200);
  expect((await checkout(productId, NIK)).status).toBe(201);
  const again = await checkout(productId, NIK);
  expect([again.status, (again.body as any).code]).toEqual([409, 'ORDER.BUYER_LIMIT']);

  // The NIK itself is nowhere in orders' database: only its keyed hash.
  const db = await mongoose.createConnection(m.mongoUrls.orders).asPromise();
  try {
    const everything = JSON.stringify(
      await Promise.all(['orders', 'buyer_limit_counters'].map((c) => db.collection(c).find({}).toArray())),
    );
    expect(everything).not.toContain(NIK);
    expect(everything).not.toContain(OTHER_NIK);
    const counters = await db.collection('buyer_limit_counters').find({ productId }).toArray();
    expect(counters.map((c) => c.used).sort()).toEqual([2, 2]);
  } finally {
    await db.close();
  }
  // Stock: 2 + 2 + 1 tabung sold or held, the cancelled one back on the shelf.
  await waitFor(
    async () => {
      const p = await api<{ stock: { available: number } }>(`${m.urls.catalog}/products/${productId}`);
      return p.body.stock.available === 46 || undefined;
    },
    { what: '5 tabung taken, the cancelled one given back', timeoutMs: 30_000 },
  );
});
