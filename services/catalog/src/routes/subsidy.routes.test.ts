import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCatalogEnv } from '../../test/memory-env';
import { headersOfPeople, json } from '../../test/builders';

/** Subsidised goods: a per-buyer limit per period and the HET flag, stored, shown and in the events. */
describe('subsidised product fields', () => {
  let env: Awaited<ReturnType<typeof memoryCatalogEnv>>;
  let as: Awaited<ReturnType<typeof headersOfPeople>>;
  beforeAll(async () => {
    env = await memoryCatalogEnv();
    as = await headersOfPeople();
  });
  afterAll(() => env.drop());

  const lpg = (extra: Record<string, unknown> = {}) => ({
    sku: `LPG-${Math.random().toString(36).slice(2, 10)}`,
    sellerId: 'mbr_kb_koperasi',
    name: 'LPG 3 kg (isi ulang)',
    category: 'lpg',
    unit: 'tabung',
    price: 18_000,
    maxPerOrder: 1,
    stock: 40,
    ...extra,
  });
  const send = (method: string, path: string, body: unknown) =>
    env.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...as.ketua },
      body: JSON.stringify(body),
    });
  const snapshots = async (id: string) =>
    (await env.outboxOf(id)).filter((e) => e.type.startsWith('pasar.catalog.product.')).map((e) => e.data);

  it('creates a product limited per buyer at the HET, and every view and event says so', async () => {
    const res = await send(
      'POST',
      '/cooperatives/karangbesuki/products',
      lpg({
        buyerLimit: { quantity: 2, period: 'week' },
        het: true,
      }),
    );
    expect(res.status).toBe(201);
    const view = (await json(res)) as { id: string; buyerLimit: unknown; het: boolean };
    expect([view.buyerLimit, view.het]).toEqual([{ quantity: 2, period: 'week' }, true]);
    const page = (await json(await env.app.request(`/products/${view.id}`))) as typeof view;
    expect([page.buyerLimit, page.het]).toEqual([{ quantity: 2, period: 'week' }, true]);
    expect(await snapshots(view.id)).toEqual([
      expect.objectContaining({ buyerLimit: { quantity: 2, period: 'week' }, het: true }),
    ]);
  });

  it('defaults to no limit and no HET', async () => {
    const res = await send('POST', '/cooperatives/karangbesuki/products', lpg({ name: 'LPG 12 kg' }));
    const view = (await json(res)) as { id: string; buyerLimit: unknown; het: boolean };
    expect([view.buyerLimit, view.het]).toEqual([null, false]);
    expect(await snapshots(view.id)).toEqual([expect.objectContaining({ buyerLimit: null, het: false })]);
  });

  it('changes the limit by PATCH (one event), removes it with null, and an equal limit changes nothing', async () => {
    const created = (await json(await send('POST', '/cooperatives/karangbesuki/products', lpg()))) as {
      id: string;
    };
    const set = await send('PATCH', `/products/${created.id}`, {
      buyerLimit: { quantity: 4, period: 'month' },
    });
    expect(((await json(set)) as { buyerLimit: unknown }).buyerLimit).toEqual({
      quantity: 4,
      period: 'month',
    });
    await send('PATCH', `/products/${created.id}`, { buyerLimit: { quantity: 4, period: 'month' } });
    const cleared = await send('PATCH', `/products/${created.id}`, { buyerLimit: null, het: true });
    expect(await json(cleared)).toMatchObject({ buyerLimit: null, het: true });
    expect((await snapshots(created.id)).map((s) => [s.buyerLimit, s.het])).toEqual([
      [null, false],
      [{ quantity: 4, period: 'month' }, false],
      [null, true],
    ]);
  });

  it('refuses a limit of 0, a fraction, an unknown period or an extra field, naming the field', async () => {
    for (const buyerLimit of [
      { quantity: 0, period: 'week' },
      { quantity: 1.5, period: 'week' },
      { quantity: 2, period: 'year' },
      { quantity: 2, period: 'week', perOrder: 1 },
    ]) {
      const res = await send('POST', '/cooperatives/karangbesuki/products', lpg({ buyerLimit }));
      expect(res.status).toBe(400);
      const issues = ((await json(res)) as { details: { issues: { field: string }[] } }).details.issues;
      expect(issues.every((i) => i.field.startsWith('buyerLimit'))).toBe(true);
    }
  });
});
