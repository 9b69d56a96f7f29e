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
/** Bu Citra, a member who sells her goods through the market (titip jual). */
let sellerId: string;
const citra = {
  phone: `0813${String(process.pid % 10_000).padStart(4, '0')}7002`,
  password: 'e2e-citra-penjual',
};

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
  sellerId = await approvedSeller();
}, 300_000);

/**
 * The way a member becomes a seller: registered, invited with her member number, password set,
 * she applies from her account and the ketua approves (SellerApproved reaches catalog and payments).
 */
async function approvedSeller(): Promise<string> {
  const ketua = await staffAuth(m, coop, 'membership');
  const membership = (path: string) => `${m.urls.membership}/cooperatives/${coop}${path}`;
  const member = await api<any>(membership('/members'), {
    headers: ketua,
    body: { displayName: 'Bu Citra', roles: ['anggota'] },
  });
  const invited = await api<any>(membership('/people'), {
    headers: ketua,
    body: { name: 'Bu Citra', phone: citra.phone, roles: ['anggota'], memberId: member.body.memberId },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  expect(
    (
      await api(`${m.urls.membership}/auth/reset`, {
        body: { phone: citra.phone, code: invited.body.resetCode, newPassword: citra.password },
      })
    ).status,
  ).toBe(204);
  const she = await signIn(m, citra.phone, citra.password);
  const applied = await api<any>(membership('/seller-applications'), {
    headers: she.auth('membership'),
    body: { shopName: 'Kue Bu Citra', description: 'Kue basah titipan', handoff: 'drop_off' },
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const approved = await api(membership(`/seller-applications/${applied.body.applicationId}/approve`), {
    method: 'POST',
    headers: ketua,
  });
  expect(approved.status).toBe(200);
  return member.body.memberId;
}

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

    // 5. Titip jual: Bu Citra's Rp 15.000 cake sold for cash at pickup; the cooperative keeps its
    // 10 % commission (the default rate), the bendahara pays her the Rp 13.500 it owes her in cash.
    const bendaharaAuth = (await signIn(m, bendahara.phone, bendahara.password)).auth('payments');
    const cake = await waitFor(
      async () =>
        createProduct(m, coop, { name: 'Kue lapis Bu Citra', price: 15_000, stock: 5, sellerId }).catch(
          () => undefined,
        ),
      { what: "catalog to know Bu Citra's shop", timeoutMs: 30_000 },
    );
    const cakeCart = await newCart(m, coop);
    expect((await addToCart(m, cakeCart, cake.id, 1)).status).toBe(200);
    const cakeOrder = await placeOrder(m, cakeCart);
    const cakeConfirmed = await waitForOrderStatus(m, cakeOrder.body.order.id, cakeOrder.body.accessToken, [
      'CONFIRMED',
    ]);
    await handOver(cakeOrder.body.order.id, cakeConfirmed.pickupCode, 20_000);
    const consignment = `${m.urls.payments}/cooperatives/${coop}/sellers/${sellerId}`;
    await waitFor(
      async () =>
        (await api<any>(`${consignment}/consignment`, { headers: bendaharaAuth })).body.availableForPayout ===
        13_500,
      { what: "Bu Citra's Rp 13.500 available for payout", timeoutMs: 60_000 },
    );
    const payout = await api<any>(`${consignment}/payouts`, {
      headers: { ...bendaharaAuth, 'idempotency-key': `payout-${coop}` },
      body: { amount: 13_500, method: 'cash', receiptNumber: 'KW-CITRA-1' },
    });
    expect(payout.status, JSON.stringify(payout.body)).toBe(201);

    // By hand: Kas 30.000 (sale) + 100.000 (pokok) + 15.000 (the cake) in, 13.500 (payout) out;
    // Bank 30.000 (wajib); Dana di penyedia 21.000 + 18.000 in, 18.000 refunded; Uang muka 39.000
    // in and out; Penjualan 30.000 + 21.000 + 15.000 credited, the cake's 15.000 moved out again by
    // the consignment split to Utang konsinyasi 13.500 and Komisi 1.500; the payout clears the debt;
    // pokok 100.000; wajib 30.000.
    // Ten entries: two cash sales, two captures, one online sale, one refund, two deposits, the
    // consignment split and the payout.
    const expected = {
      '1-1100': [145_000, 13_500],
      '1-1200': [30_000, 0],
      '1-1300': [39_000, 18_000],
      '2-1100': [13_500, 13_500],
      '2-1400': [39_000, 39_000],
      '3-1100': [0, 100_000],
      '3-1200': [0, 30_000],
      '4-1100': [15_000, 66_000],
      '4-1200': [0, 1_500],
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
    expect(tb).toMatchObject({ totalDebit: 281_500, totalCredit: 281_500, balanced: true });
    expect((await report('journal')).entries).toHaveLength(10);
    expect(await report('income-statement')).toMatchObject({
      totalPendapatan: 52_500,
      totalBeban: 0,
      shu: 52_500,
    });
    expect(await report('balance-sheet')).toMatchObject({
      totalAset: 182_500,
      totalKewajiban: 0,
      totalEkuitas: 182_500,
      balanced: true,
    });
  });
});
