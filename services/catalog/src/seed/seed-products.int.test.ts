import { join } from 'node:path';
import { DEMO_PRODUCTS } from '@pasar/demo-data';
import { spawnTs, testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'seed-products.ts');

/** The seed command, run as a process twice on one database: the second run changes nothing. */
describe('seed-products', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  beforeAll(async () => {
    db = await testDatabase('catalog_seed');
  });
  afterAll(() => db.drop());

  const run = async () => {
    const proc = spawnTs(script, { MONGO_URL: db.url, LOG_LEVEL: 'warn' });
    expect(await proc.exited, proc.output()).toBe(0);
    return JSON.parse(/\[catalog-seed\] (\{.*\})/.exec(proc.output())![1]!);
  };

  it('creates every demo product once, each with its ProductPublished event, and is idempotent', async () => {
    expect(await run()).toEqual({ created: DEMO_PRODUCTS.length, updated: 0, unchanged: 0 });
    expect(await run()).toEqual({ created: 0, updated: 0, unchanged: DEMO_PRODUCTS.length });

    const products = db.conn.collection('products');
    expect(await products.countDocuments()).toBe(DEMO_PRODUCTS.length);
    const sample = DEMO_PRODUCTS[0]!;
    const doc = await products.findOne({ cooperativeId: sample.cooperativeId, sku: sample.sku });
    expect(doc).toMatchObject({
      name: sample.name,
      price: sample.price,
      status: 'published',
      stock: { available: sample.stock },
    });
    expect(doc?.outbox.map((e: { envelope: { type: string } }) => e.envelope.type)).toEqual([
      'pasar.catalog.product.published',
    ]);
  });

  it('fails naming MONGO_URL when it is missing', async () => {
    const proc = spawnTs(script, { MONGO_URL: '' });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('MONGO_URL');
  });
});
