import { mongoUrlFor, waitFor } from '@pasar/testkit';
import mongoose from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addToCart,
  createProduct,
  newCart,
  placeOrder,
  productStock,
  registerCooperative,
  startTestMarket,
  type TestMarket,
  waitForOrderStatus,
} from '../lib/market';

let m: TestMarket;
const coop = `race${Date.now().toString(36)}`;

beforeAll(async () => {
  m = await startTestMarket();
  await registerCooperative(m, coop);
});

afterAll(async () => {
  await m?.stop();
});

it('confirms exactly 10 of 50 concurrent one-unit checkouts for 10 in stock, never below zero', async () => {
  const product = await createProduct(m, coop, {
    name: 'LPG 3 kg (isi ulang)',
    price: 18_000,
    stock: 10,
    maxPerOrder: 1,
    category: 'lpg',
    unit: 'tabung',
  });
  const carts = await Promise.all(Array.from({ length: 50 }, () => newCart(m, coop)));
  await addToCart(m, carts[0]!, product.id, 1); // waits for the product to reach orders
  await Promise.all(carts.slice(1).map((c) => addToCart(m, c, product.id, 1)));

  const placed = await Promise.all(carts.map((c) => placeOrder(m, c)));
  expect(placed.every((p) => p.status === 201)).toBe(true);
  const finals = await Promise.all(
    placed.map((p) =>
      waitForOrderStatus(m, p.body.order.id, p.body.accessToken, ['CONFIRMED', 'REJECTED'], 90_000),
    ),
  );

  const confirmed = finals.filter((o) => o.status === 'CONFIRMED');
  const rejected = finals.filter((o) => o.status === 'REJECTED');
  expect(confirmed).toHaveLength(10);
  expect(rejected).toHaveLength(40);
  expect(rejected.every((o) => o.rejection?.reason === 'INSUFFICIENT_STOCK')).toBe(true);
  // Catalog commits the confirmed orders' stock as it consumes their confirmations.
  await waitFor(async () => (await productStock(m, product.id)).reserved === 0, {
    what: 'all stock committed',
  });
  expect(await productStock(m, product.id)).toEqual({ available: 0, reserved: 0 });

  // Conservation, read from catalog's own database: on hand + reserved + sold = what was stocked.
  const db = await mongoose
    .createConnection(mongoUrlFor(`${m.prefix.replaceAll('.', '')}_catalog`))
    .asPromise();
  const doc = await db.collection('products').findOne({ _id: new mongoose.Types.ObjectId(product.id) });
  await db.close();
  const stock = doc?.stock as { available: number; reserved: number; sold: number };
  expect(stock.available).toBeGreaterThanOrEqual(0);
  expect(stock.available + stock.reserved + stock.sold).toBe(10);
  expect(stock.sold).toBe(10);
});
