import { waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToCart,
  api,
  createProduct,
  getOrder,
  membershipAdmin,
  newCart,
  placeOrder,
  registerCooperative,
  signIn,
  staffAuth,
  startTestMarket,
  type TestMarket,
  waitForOrderStatus,
} from '../lib/market';
import { midtransRef, payOnSandbox, placeOnlineOrder } from '../lib/payments';

// Issue 11 across the five real services, the real broker and FerretDB: orders paid in cash and
// online, handed over at the outlet, an online order cancelled and refunded, and savings deposits
// the bendahara records in membership end in books whose figures are checked against totals
// computed by hand below.
let m: TestMarket;
const coop = `led${Date.now().toString(36)}`;
const bendahara = {
  phone: `0813${String(process.pid % 10_000).padStart(4, '0')}7001`,
  password: 'e2e-bendahara-led',
};
let memberId: string;

beforeAll(async () => {
  m = await startTestMarket();
  await registerCooperative(m, coop);
  await membershipAdmin(m, [
    'create-pengurus',
    '--cooperative',
    coop,
    '--name',
    'Bendahara uji',
    '--phone',
    bendahara.phone,
    '--position',
    'bendahara',
    '--password',
    bendahara.password,
  ]);
  const registered = await api<any>(`${m.urls.membership}/cooperatives/${coop}/members`, {
    headers: await staffAuth(m, coop, 'membership'),
    body: { displayName: 'Bu Sri', roles: ['anggota'] },
  });
  expect(registered.status).toBe(201);
  memberId = registered.body.memberId;
}, 300_000);

afterAll(async () => {
  await m?.stop();
});

async function handOver(orderId: string, pickupCode: string, cashReceived?: number) {
  const pengurus = await staffAuth(m, coop, 'orders');
  const base = `${m.urls.orders}/cooperatives/${coop}/orders/${orderId}`;
  expect((await api<any>(`${base}/pack`, { headers: pengurus, body: {} })).body.status).toBe('PACKED');
  expect((await api<any>(`${base}/ready`, { headers: pengurus, body: {} })).body.status).toBe(
    'READY_FOR_PICKUP',
  );
  const done = await api<any>(`${base}/hand-over`, {
    headers: pengurus,
    body: { pickupCode, ...(cashReceived !== undefined ? { cashReceived } : {}) },
  });
  expect(done.body.status).toBe('COMPLETED');
}

/** At the counter: the bendahara records the deposit in membership, which publishes it to the books. */
async function deposit(kind: 'pokok' | 'wajib', amount: number, method: 'cash' | 'transfer') {
  const signedIn = await signIn(m, bendahara.phone, bendahara.password);
  const res = await api<any>(
    `${m.urls.membership}/cooperatives/${coop}/members/${memberId}/savings/deposits`,
    {
      headers: signedIn.auth('membership'),
      body: {
        kind,
        amount,
        method,
        receiptNumber: `BS-${kind}-1`,
        ...(kind === 'wajib' ? { months: 3 } : {}),
      },
    },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

const year = new Date().getUTCFullYear();
const report = async (name: string) => {
  const headers = await staffAuth(m, coop, 'ledger');
  return (await api<any>(`${m.urls.ledger}/cooperatives/${coop}/reports/${name}?year=${year}`, { headers }))
    .body;
};
const balances = (tb: { rows: { code: string; debit: number; credit: number }[] }) =>
  Object.fromEntries(tb.rows.map((r) => [r.code, [r.debit, r.credit]]));

describe('the books of a cooperative after a day of trade', () => {
  it('match the hand-computed totals', { timeout: 240_000 }, async () => {
    // 1. Cash at pickup: 2 × Rp 15.000, the kasir takes Rp 50.000 and gives change.
    const product = await createProduct(m, coop, { price: 15_000, stock: 10 });
    const cartId = await newCart(m, coop);
    expect((await addToCart(m, cartId, product.id, 2)).status).toBe(200);
    const placed = await placeOrder(m, cartId);
    const cash = placed.body.order.id;
    const confirmed = await waitForOrderStatus(m, cash, placed.body.accessToken, ['CONFIRMED']);
    expect(confirmed.total).toBe(30_000);
    await handOver(cash, confirmed.pickupCode, 50_000);

    // 2. QRIS, Rp 21.000, paid and handed over.
    const online = await placeOnlineOrder(m, coop, 'qris', { price: 21_000, quantity: 1 });
    await payOnSandbox(midtransRef(online.orderId), 'qris');
    const paid = await waitForOrderStatus(m, online.orderId, online.token, ['PAID']);
    await handOver(online.orderId, paid.pickupCode);

    // 3. QRIS, Rp 18.000, paid, then cancelled by staff: refunded through the provider.
    const cancelled = await placeOnlineOrder(m, coop, 'qris', { price: 18_000, quantity: 1 });
    await payOnSandbox(midtransRef(cancelled.orderId), 'qris');
    await waitForOrderStatus(m, cancelled.orderId, cancelled.token, ['PAID']);
    const pengurus = await staffAuth(m, coop, 'orders');
    await api(`${m.urls.orders}/cooperatives/${coop}/orders/${cancelled.orderId}/cancel`, {
      headers: pengurus,
      body: { reason: 'Stok ternyata rusak' },
    });
    await waitFor(
      async () => (await getOrder(m, cancelled.orderId, cancelled.token)).body.refund?.status === 'refunded',
      { what: 'the refund', timeoutMs: 60_000 },
    );

    // 4. Savings: simpanan pokok Rp 100.000 in cash, wajib Rp 30.000 (three months) by transfer.
    await deposit('pokok', 100_000, 'cash');
    await deposit('wajib', 30_000, 'transfer');

    // By hand: Kas 30.000 (sale) + 100.000 (pokok) = 130.000; Bank 30.000 (wajib);
    // Dana di penyedia 21.000 + 18.000 in, 18.000 refunded; Uang muka 39.000 in and out;
    // Penjualan 30.000 + 21.000 = 51.000; pokok 100.000; wajib 30.000.
    // Seven entries: cash sale, two captures, one online sale, one refund, two deposits.
    const expected = {
      '1-1100': [130_000, 0],
      '1-1200': [30_000, 0],
      '1-1300': [39_000, 18_000],
      '2-1400': [39_000, 39_000],
      '3-1100': [0, 100_000],
      '3-1200': [0, 30_000],
      '4-1100': [0, 51_000],
    };
    const tb = await waitFor(
      async () => {
        const r = await report('trial-balance');
        return JSON.stringify(balances(r)) === JSON.stringify(expected) ? r : undefined;
      },
      { what: 'the books to hold every event', timeoutMs: 60_000 },
    ).catch(async (err) => {
      throw new Error(
        `${err.message}; books now: ${JSON.stringify(balances(await report('trial-balance')))}`,
      );
    });
    expect(tb).toMatchObject({ totalDebit: 238_000, totalCredit: 238_000, balanced: true });
    expect((await report('journal')).entries).toHaveLength(7);
    expect(await report('income-statement')).toMatchObject({
      totalPendapatan: 51_000,
      totalBeban: 0,
      shu: 51_000,
    });
    expect(await report('balance-sheet')).toMatchObject({
      totalAset: 181_000,
      totalKewajiban: 0,
      totalEkuitas: 181_000,
      balanced: true,
    });
  });
});
