import { DomainError } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import {
  applyShu,
  arrearsOf,
  balancesOf,
  checkReceivedAt,
  type DepositInput,
  deposit,
  emptyAccount,
  historyPage,
  type MemberFacts,
  type SavingsAccount,
  withdraw,
} from './account';
import { DEFAULT_SAVINGS_SETTINGS, type SavingsSettings, sortedRates, wajibRateAt } from './settings';

const wib = (local: string) => new Date(`${local}+07:00`);
const settings: SavingsSettings = {
  pokokAmount: 100_000,
  wajibRates: [{ from: '2026-01', amount: 10_000 }],
  firstDue: 'joining_month',
};
const sri: MemberFacts = {
  memberId: 'mbr_sri',
  cooperativeId: 'karangbesuki',
  joinedAt: wib('2026-01-10T09:00:00'),
  anggota: true,
};
const NOW = wib('2026-03-15T10:00:00');
let n = 0;
const input = (over: Partial<DepositInput> = {}): DepositInput => ({
  movementId: `svm_${++n}`,
  kind: 'wajib',
  amount: 10_000,
  method: 'cash',
  receiptNumber: `BS-${n}`,
  receivedAt: NOW,
  recordedAt: NOW,
  recordedBy: 'per_bendahara',
  ...over,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('expected a refusal');
};
const dep = (a: SavingsAccount, over: Partial<DepositInput> = {}, member = sri) =>
  deposit(a, input(over), { settings, member }).account;

describe('deposits', () => {
  it('takes simpanan pokok once, at exactly the bylaws amount', () => {
    const empty = emptyAccount('karangbesuki', 'mbr_sri');
    expect(code(() => dep(empty, { kind: 'pokok', amount: 50_000 }))).toEqual({
      code: 'SAVINGS.POKOK_AMOUNT',
      details: { field: 'amount', expected: 100_000 },
    });
    const paid = dep(empty, { kind: 'pokok', amount: 100_000, receiptNumber: 'BS-POKOK' });
    expect(balancesOf(paid)).toEqual({ pokok: 100_000, wajib: 0, sukarela: 0 });
    expect(code(() => dep(paid, { kind: 'pokok', amount: 100_000 }))).toEqual({
      code: 'SAVINGS.POKOK_ALREADY_PAID',
      details: { field: 'kind', receiptNumber: 'BS-POKOK' },
    });
  });

  it('fills wajib months oldest first and says which months a payment completed', () => {
    const a = deposit(emptyAccount('karangbesuki', 'mbr_sri'), input({ amount: 25_000 }), {
      settings,
      member: sri,
    });
    // Jan and Feb complete, Rp 5.000 toward March.
    expect(a.movement.covers).toEqual({ from: '2026-01', to: '2026-02', months: 2 });
    expect(a.movement.balanceAfter).toBe(25_000);
    const b = deposit(a.account, input({ amount: 5_000 }), { settings, member: sri });
    expect(b.movement.covers).toEqual({ from: '2026-03', to: '2026-03', months: 1 });
    const c = deposit(b.account, input({ amount: 4_000 }), { settings, member: sri });
    expect(c.movement.covers).toBeNull();
    expect(c.movement.seq).toBe(3);
  });

  it('with months, the amount must be exactly the next unpaid months (less a partial payment)', () => {
    const partial = dep(emptyAccount('karangbesuki', 'mbr_sri'), { amount: 4_000 });
    expect(code(() => dep(partial, { months: 3, amount: 30_000 }))).toEqual({
      code: 'SAVINGS.WAJIB_AMOUNT_MISMATCH',
      details: { field: 'amount', expected: 26_000, months: 3 },
    });
    const ok = deposit(partial, input({ months: 3, amount: 26_000 }), { settings, member: sri });
    expect(ok.movement.covers).toEqual({ from: '2026-01', to: '2026-03', months: 3 });
  });

  it('prices months ahead at the rate the bylaws set for them', () => {
    const raised: SavingsSettings = {
      ...settings,
      wajibRates: [
        { from: '2026-01', amount: 10_000 },
        { from: '2026-04', amount: 15_000 },
      ],
    };
    const a = deposit(emptyAccount('karangbesuki', 'mbr_sri'), input({ months: 5, amount: 60_000 }), {
      settings: raised,
      member: sri,
    });
    expect(a.movement.covers).toEqual({ from: '2026-01', to: '2026-05', months: 5 });
  });

  it('takes wajib at most 120 months ahead (which also bounds the month-by-month arrears)', () => {
    // Due Jan–Mar: Rp 30.000; the 120 months after March: Rp 1.200.000.
    const empty = emptyAccount('karangbesuki', 'mbr_sri');
    expect(deposit(empty, input({ amount: 1_230_000 }), { settings, member: sri }).movement.covers).toEqual({
      from: '2026-01',
      to: '2036-03',
      months: 123,
    });
    expect(code(() => dep(dep(empty, { amount: 30_000 }), { amount: 1_200_001 }))).toEqual({
      code: 'SAVINGS.WAJIB_TOO_FAR_AHEAD',
      details: { field: 'amount', max: 1_200_000, months: 120 },
    });
  });

  it('refuses savings for a registry record that is not an anggota', () => {
    expect(
      code(() => dep(emptyAccount('karangbesuki', 'mbr_staff'), {}, { ...sri, anggota: false })).code,
    ).toBe('SAVINGS.NOT_A_MEMBER');
  });

  it('a movement already in the account changes nothing (a retry)', () => {
    const first = input({ kind: 'sukarela', amount: 7_000 });
    const once = deposit(emptyAccount('karangbesuki', 'mbr_sri'), first, { settings, member: sri });
    const again = deposit(once.account, first, { settings, member: sri });
    expect(again.changed).toBe(false);
    expect(again.account.movements).toHaveLength(1);
  });
});

describe('withdrawals', () => {
  it('never takes sukarela below zero, and may take it to exactly zero', () => {
    const a = dep(emptyAccount('karangbesuki', 'mbr_sri'), { kind: 'sukarela', amount: 50_000 });
    const withWajib = dep(a, { amount: 30_000 });
    expect(code(() => withdraw(withWajib, input({ amount: 50_001 }), sri))).toEqual({
      code: 'SAVINGS.INSUFFICIENT',
      details: { field: 'amount', balance: 50_000 },
    });
    const out = withdraw(withWajib, input({ amount: 50_000 }), sri);
    expect(out.movement).toMatchObject({ type: 'withdrawal', kind: 'sukarela', balanceAfter: 0 });
    expect(balancesOf(out.account)).toEqual({ pokok: 0, wajib: 30_000, sukarela: 0 });
  });
});

describe('SHU', () => {
  const line = {
    shuId: 'shu_kb_2025',
    year: 2025,
    amount: 12_345,
    at: NOW,
    recordedAt: NOW,
    by: 'per_ketua',
  };

  it('credits sukarela once per SHU run', () => {
    const once = applyShu(emptyAccount('karangbesuki', 'mbr_sri'), { ...line, to: 'sukarela' });
    expect(once.movement).toMatchObject({
      movementId: 'shu:shu_kb_2025',
      type: 'deposit',
      kind: 'sukarela',
      source: 'shu',
      receiptNumber: null,
      shu: { shuId: 'shu_kb_2025', year: 2025 },
      balanceAfter: 12_345,
    });
    const twice = applyShu(once.account, { ...line, to: 'sukarela' });
    expect(twice.changed).toBe(false);
    expect(balancesOf(twice.account).sukarela).toBe(12_345);
  });

  it('records an SHU paid out in cash as a history line that moves no balance', () => {
    const out = applyShu(emptyAccount('karangbesuki', 'mbr_sri'), { ...line, to: 'cash' });
    expect(out.movement).toMatchObject({
      type: 'shu_paid_out',
      kind: null,
      method: 'cash',
      balanceAfter: null,
    });
    expect(balancesOf(out.account)).toEqual({ pokok: 0, wajib: 0, sukarela: 0 });
  });
});

describe('arrears of a member', () => {
  it('counts from the joining month through now', () => {
    expect(arrearsOf(settings, sri.joinedAt, 10_000, NOW)).toMatchObject({
      firstDueMonth: '2026-01',
      monthsDue: 3,
      arrearsAmount: 20_000,
      paidThrough: '2026-01',
      monthlyNow: 10_000,
    });
  });

  it('owes nothing for months before the first rate of the bylaws', () => {
    const joined2025 = wib('2025-11-03T09:00:00');
    expect(arrearsOf(settings, joined2025, 0, NOW)).toMatchObject({
      firstDueMonth: '2026-01',
      monthsDue: 3,
      arrearsAmount: 30_000,
    });
    expect(arrearsOf(settings, joined2025, 0, wib('2025-12-31T23:00:00'))).toMatchObject({
      monthsDue: 0,
      arrearsAmount: 0,
      monthlyNow: 0,
    });
  });

  it('starts the month after joining when the bylaws say so', () => {
    const next = { ...settings, firstDue: 'month_after_joining' as const };
    expect(arrearsOf(next, sri.joinedAt, 0, NOW)).toMatchObject({ firstDueMonth: '2026-02', monthsDue: 2 });
  });
});

describe('receipt dates', () => {
  it('refuses a date in the future or before the member joined', () => {
    expect(code(() => checkReceivedAt(new Date(NOW.getTime() + 120_000), sri, NOW)).code).toBe(
      'SAVINGS.RECEIVED_IN_FUTURE',
    );
    expect(code(() => checkReceivedAt(wib('2026-01-10T08:59:00'), sri, NOW)).code).toBe(
      'SAVINGS.RECEIVED_BEFORE_JOINING',
    );
    expect(() => checkReceivedAt(wib('2026-01-10T09:00:00'), sri, NOW)).not.toThrow();
  });
});

describe('history', () => {
  it('pages newest first with a cursor', () => {
    let a = emptyAccount('karangbesuki', 'mbr_sri');
    for (let i = 0; i < 5; i++) a = dep(a, { kind: 'sukarela', amount: 1_000 + i });
    const first = historyPage(a, { limit: 2 });
    expect(first.items.map((m) => m.seq)).toEqual([5, 4]);
    expect(first.nextBefore).toBe(4);
    const second = historyPage(a, { limit: 2, before: 4 });
    expect(second.items.map((m) => m.seq)).toEqual([3, 2]);
    const last = historyPage(a, { limit: 2, before: second.nextBefore! });
    expect(last).toMatchObject({ nextBefore: null });
    expect(last.items.map((m) => m.seq)).toEqual([1]);
  });
});

describe('settings', () => {
  it('keeps rates by month and refuses a month twice', () => {
    expect(
      sortedRates([
        { from: '2026-07', amount: 15_000 },
        { from: '2024-01', amount: 10_000 },
      ]),
    ).toEqual([
      { from: '2024-01', amount: 10_000 },
      { from: '2026-07', amount: 15_000 },
    ]);
    expect(
      sortedRates([
        { from: '2026-07', amount: 15_000 },
        { from: '2026-07', amount: 10_000 },
      ]),
    ).toBeNull();
  });

  it('defaults to Rp 100.000 pokok and Rp 10.000 wajib a month', () => {
    expect(DEFAULT_SAVINGS_SETTINGS.pokokAmount).toBe(100_000);
    expect(wajibRateAt(DEFAULT_SAVINGS_SETTINGS, NOW)).toBe(10_000);
  });
});
