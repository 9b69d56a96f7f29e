import { DEMO_ACCOUNTS, type DemoAccount, demoAccount } from '@pasar/demo-data';
import { waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, signIn } from '../lib/accounts';
import { api, type SignedIn, startTestMarket, type TestMarket } from '../lib/market';

/**
 * Issue 11, the members' savings, across the running services: the bendahara records a member's
 * simpanan pokok, wajib and sukarela, a kasir pays sukarela out; the member reads their own savings,
 * another member cannot; the arrears list moves by exactly what was paid; and the ledger, fed by
 * membership.savings.v1 over Kafka, booked each movement (Dr Kas / Bank, Cr 3-1100 / 3-1200 / 2-1200).
 * Pak Darto and Pak Joko (Depot Tirta) are demo members with accounts and no demo savings.
 */
let m: TestMarket;
const A = 'karangbesuki';
const DARTO = 'mbr_kb_darto';
const TIRTA = 'mbr_kb_tirta';
const accountOf = (memberId: string): DemoAccount => {
  const a = DEMO_ACCOUNTS.find((x) => x.memberId === memberId);
  if (!a) throw new Error(`no demo account for ${memberId}`);
  return a;
};
const people = {} as Record<'bendahara' | 'kasir' | 'darto' | 'tirta' | 'dinoyoMember' | 'ketua', SignedIn>;
const membership = (path: string) => `${m.urls.membership}${path}`;
const as = (who: keyof typeof people) => people[who].auth('membership');
const member = (memberId: string) => `/cooperatives/${A}/members/${memberId}/savings`;
const arrears = async () =>
  (await api<any>(membership(`/cooperatives/${A}/savings/arrears?limit=200`), { headers: as('bendahara') }))
    .body;

beforeAll(async () => {
  m = await startTestMarket();
  await seedDemo(m);
  const login = (a: { phone: string; password: string }) => signIn(m, a.phone, a.password);
  people.bendahara = await login(demoAccount('bendahara', A));
  people.kasir = await login(demoAccount('kasir', A));
  people.ketua = await login(demoAccount('ketua', A));
  people.darto = await login(accountOf(DARTO));
  people.tirta = await login(accountOf(TIRTA));
  people.dinoyoMember = await login(demoAccount('anggota', 'dinoyo'));
}, 300_000);

afterAll(async () => {
  await m?.stop();
});

describe('members’ savings across the services', () => {
  let before: any;
  const deposits = [
    { kind: 'pokok', amount: 100_000, method: 'cash', receiptNumber: 'E2E-BS-1' },
    { kind: 'wajib', amount: 30_000, months: 3, method: 'transfer', receiptNumber: 'E2E-BS-2' },
    { kind: 'sukarela', amount: 50_000, method: 'cash', receiptNumber: 'E2E-BS-3' },
  ];

  it('lists the new members in arrears: this month of wajib and the pokok', async () => {
    before = await arrears();
    const rowOf = (id: string) => before.items.find((r: { memberId: string }) => r.memberId === id);
    for (const id of [DARTO, TIRTA])
      expect(rowOf(id)).toMatchObject({
        monthsDue: 1,
        monthsInArrears: 1,
        arrearsAmount: 10_000,
        pokokDue: 100_000,
        owed: 110_000,
        paidThrough: null,
      });
    expect(before.totals.inArrears).toBe(before.total);
  });

  it('the bendahara records pokok, wajib and sukarela; a kasir pays sukarela out, never below zero', async () => {
    for (const body of deposits) {
      const res = await api<any>(membership(`${member(DARTO)}/deposits`), { headers: as('bendahara'), body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    // A double submit of the same bukti setor is the same deposit.
    const again = await api<any>(membership(`${member(DARTO)}/deposits`), {
      headers: as('bendahara'),
      body: deposits[0],
    });
    expect(again).toMatchObject({ status: 200, body: { replayed: true, balances: { pokok: 100_000 } } });
    const second = await api<any>(membership(`${member(DARTO)}/deposits`), {
      headers: as('bendahara'),
      body: { ...deposits[0], receiptNumber: 'E2E-BS-9' },
    });
    expect(second).toMatchObject({ status: 409, body: { code: 'SAVINGS.POKOK_ALREADY_PAID' } });
    const out = await api<any>(membership(`${member(DARTO)}/withdrawals`), {
      headers: as('kasir'),
      body: { amount: 20_000, method: 'cash', receiptNumber: 'E2E-BT-1' },
    });
    expect(out).toMatchObject({ status: 201, body: { balances: { sukarela: 30_000 } } });
    const tooMuch = await api<any>(membership(`${member(DARTO)}/withdrawals`), {
      headers: as('kasir'),
      body: { amount: 30_001, method: 'cash', receiptNumber: 'E2E-BT-2' },
    });
    expect(tooMuch).toMatchObject({
      status: 409,
      body: { code: 'SAVINGS.INSUFFICIENT', details: { balance: 30_000 } },
    });
    // The ketua is a pengurus but not the bendahara: no money at the counter.
    const ketua = await api<any>(membership(`${member(DARTO)}/deposits`), {
      headers: as('ketua'),
      body: { kind: 'sukarela', amount: 1_000, method: 'cash', receiptNumber: 'E2E-BS-10' },
    });
    expect(ketua.status).toBe(403);
  });

  it('the member reads their own savings; another member of the cooperative cannot, nor one of another', async () => {
    const mine = await api<any>(membership(`/cooperatives/${A}/my-savings`), { headers: as('darto') });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      memberId: DARTO,
      balances: { pokok: 100_000, wajib: 30_000, sukarela: 30_000, total: 160_000 },
      pokok: { paid: true, due: 0 },
      arrears: { arrearsAmount: 0, monthsInArrears: 0, monthsInAdvance: 2 },
    });
    expect(mine.body.history.items.map((i: { receiptNumber: string }) => i.receiptNumber)).toEqual([
      'E2E-BT-1',
      'E2E-BS-3',
      'E2E-BS-2',
      'E2E-BS-1',
    ]);
    expect(mine.body.history.items[2].covers.months).toBe(3);

    const other = await api<any>(membership(member(DARTO)), { headers: as('tirta') });
    expect(other.status).toBe(403);
    const own = await api<any>(membership(`/cooperatives/${A}/my-savings`), { headers: as('tirta') });
    expect(own.body).toMatchObject({ memberId: TIRTA, balances: { total: 0 } });
    expect(JSON.stringify(own.body)).not.toContain('E2E-BS');
    const stranger = await api<any>(membership(`/cooperatives/${A}/my-savings`), {
      headers: as('dinoyoMember'),
    });
    expect(stranger.status).toBe(404);
    const strangerStaffRead = await api<any>(membership(member(DARTO)), { headers: as('dinoyoMember') });
    expect(strangerStaffRead.status).toBe(404);
  });

  it('the arrears list drops the member who paid, and its totals move by exactly what they owed', async () => {
    const after = await arrears();
    expect(after.items.map((r: { memberId: string }) => r.memberId)).not.toContain(DARTO);
    expect(after.items.find((r: { memberId: string }) => r.memberId === TIRTA)).toMatchObject({
      owed: 110_000,
    });
    expect(after.totals).toEqual({
      ...before.totals,
      inArrears: before.totals.inArrears - 1,
      arrearsAmount: before.totals.arrearsAmount - 10_000,
      pokokDue: before.totals.pokokDue - 100_000,
      owed: before.totals.owed - 110_000,
    });
  });

  it('the ledger booked every movement from membership.savings.v1', async () => {
    const ledger = people.bendahara.auth('ledger');
    const year = new Date().getUTCFullYear();
    const entries = await waitFor(
      async () => {
        const res = await api<any>(`${m.urls.ledger}/cooperatives/${A}/reports/journal?year=${year}`, {
          headers: ledger,
        });
        const mine = (res.body.entries ?? []).filter((e: { memo: string }) => e.memo.includes(DARTO));
        return mine.length >= 4 ? mine : undefined;
      },
      { what: "the ledger's entries for the member's savings", timeoutMs: 60_000 },
    );
    const lines = entries
      .map((e: { lines: { account: string; debit: number; credit: number }[] }) =>
        e.lines.map((l) => `${l.account} ${l.debit}/${l.credit}`).join(', '),
      )
      .sort();
    expect(lines).toEqual(
      [
        '1-1100 100000/0, 3-1100 0/100000', // pokok in cash: Dr Kas, Cr Simpanan pokok
        '1-1200 30000/0, 3-1200 0/30000', // wajib by transfer: Dr Bank, Cr Simpanan wajib
        '1-1100 50000/0, 2-1200 0/50000', // sukarela in cash: Dr Kas, Cr Simpanan sukarela
        '2-1200 20000/0, 1-1100 0/20000', // sukarela paid out: Dr Simpanan sukarela, Cr Kas
      ].sort(),
    );
    expect(entries).toHaveLength(4);
  });
});
