import { describe, expect, it } from 'vitest';
import { loader as dashboardLoader } from '~/routes/kelola.$slug._index/route';
import { loader as csvLoader } from '~/routes/kelola.$slug.ringkasan[.]csv/route';
import { CHART, chartGeometry, statsCsv } from '~/utils/chart';
import type { FakeStats } from './fake-fulfilment';
import { type FakePerson, GUDANG, HABIS, KASIR, KETUA, LPG, PENGAWAS, product } from './fixtures';
import { args, get, run } from './route-helpers';
import { installFakeServices, signInAs } from './setup-services';

const services = installFakeServices();
const slug = 'karangbesuki';

function days(n: number): FakeStats['days'] {
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(Date.UTC(2026, 4, 1 + i)).toISOString().slice(0, 10),
    orders: i % 5,
    revenue: (i % 5) * 25_000,
  }));
}
const STATS: FakeStats = {
  today: {
    orders: 7,
    revenue: 245_000,
    byPaymentMethod: { cash: { orders: 5, revenue: 120_000 }, qris: { orders: 2, revenue: 125_000 } },
  },
  days: days(30),
};

interface Dashboard {
  stats: { state: string; value?: FakeStats };
  restock: { state: string; value?: { name: string; available: number }[] };
  threshold: number;
}
const dashboard = (cookie: string) =>
  run<Dashboard>(() => dashboardLoader(args(get(`/kelola/${slug}`, cookie), { slug })));

async function signInExtra(person: FakePerson) {
  services.current.people.set(person.personId, structuredClone(person));
  return signInAs(person);
}

describe('staff dashboard', () => {
  it("gives the pengurus today's numbers by payment method and the 30 days, with the orders token", async () => {
    services.current.fulfilment.stats.set(slug, STATS);
    const res = await dashboard(await signInAs(KETUA));
    expect(res.status).toBe(200);
    expect(res.data.stats).toEqual({ state: 'shown', value: STATS });
    const [call] = services.current.calls.filter((c) => c.url.pathname.endsWith('/stats'));
    expect(call?.url.searchParams.get('days')).toBe('30');
    expect(call?.headers.get('Authorization')).toMatch(/^Bearer at\.orders\.per_kb_ketua\./);
  });

  it('lists the published products with 5 or fewer available, emptiest first (catalog, with the catalog token)', async () => {
    services.current.products.set(
      'b'.repeat(24),
      product({ id: 'b'.repeat(24), name: 'Gula 1 kg', stock: { available: 3, reserved: 0 } }),
    );
    services.current.products.set(
      'c'.repeat(24),
      product({ id: 'c'.repeat(24), name: 'Draf', status: 'draft', stock: { available: 0, reserved: 0 } }),
    );
    const res = await dashboard(await signInAs(KETUA));
    expect(res.data.restock.value?.map((p) => [p.name, p.available])).toEqual([
      [HABIS.name, 0],
      ['Gula 1 kg', 3],
      [LPG.name, 5],
    ]);
    const [call] = services.current.calls.filter((c) => c.url.pathname.endsWith('/products/all'));
    expect(call?.headers.get('Authorization')).toMatch(/^Bearer at\.catalog\.per_kb_ketua\./);
  });

  it('shows each person only their panels: the kasir no stock, the gudang no money', async () => {
    const kasir = await dashboard(await signInAs(KASIR));
    expect(kasir.data.stats.state).toBe('shown');
    expect(kasir.data.restock).toEqual({ state: 'hidden' });
    const gudang = await dashboard(await signInExtra(GUDANG));
    expect(gudang.data.stats).toEqual({ state: 'hidden' });
    expect(gudang.data.restock.state).toBe('shown');
    expect(services.current.calls.filter((c) => c.url.pathname.endsWith('/stats'))).toHaveLength(1);
  });

  it('still renders when orders is down (the panel says it could not load)', async () => {
    const cookie = await signInAs(PENGAWAS);
    services.current.down.add('orders');
    const res = await dashboard(cookie);
    expect(res.status).toBe(200);
    expect(res.data.stats).toEqual({ state: 'unavailable' });
    expect(res.data.restock.state).toBe('shown');
  });
});

describe('30-day chart', () => {
  it('scales bars to the busiest day and the line to the best revenue, inside the viewBox', () => {
    const g = chartGeometry(STATS.days);
    expect(g.maxOrders).toBe(4);
    expect(g.maxRevenue).toBe(100_000);
    expect(g.bars).toHaveLength(30);
    const tallest = g.bars.find((b) => b.orders === 4);
    expect(tallest?.y).toBe(CHART.padTop);
    expect(g.bars.find((b) => b.orders === 0)?.height).toBe(0);
    for (const b of g.bars) expect(b.x + b.width).toBeLessThanOrEqual(CHART.width);
    expect(g.revenueLine.split(' ')).toHaveLength(30);
    expect(g.labels.map((l) => l.text)).toEqual(['1', '8', '15', '22', '29', '30']);
  });

  it('draws nothing odd for a cooperative without orders yet', () => {
    const g = chartGeometry([{ date: '2026-05-01', orders: 0, revenue: 0 }]);
    expect(g.bars[0]).toMatchObject({ height: 0 });
    expect(chartGeometry([]).bars).toEqual([]);
  });
});

describe('CSV export', () => {
  it('answers text/csv of the 30 days as an attachment, headed in the reader language', async () => {
    services.current.fulfilment.stats.set(slug, STATS);
    const res = (await csvLoader(
      args(get(`/kelola/${slug}/ringkasan.csv`, await signInAs(KASIR)), { slug }),
    )) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="ringkasan-karangbesuki-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(31);
    expect(lines[0]).toBe('Tanggal,Pesanan,Pendapatan');
    expect(lines[2]).toBe('2026-05-02,1,25000');
  });

  it('is a 404 for the gudang (no money figures)', async () => {
    const res = await run(() => csvLoader(args(get(`/kelola/${slug}/ringkasan.csv`, ''), { slug })));
    expect(res.status).toBe(302);
    const gudang = await run(async () => csvLoader(args(get('/x', await signInExtra(GUDANG)), { slug })));
    expect(gudang.status).toBe(404);
  });

  it('quotes a header with a comma', () => {
    expect(statsCsv([], ['Tanggal, WIB', 'Pesanan', 'Pendapatan'])).toBe(
      '"Tanggal, WIB",Pesanan,Pendapatan\r\n',
    );
  });
});
