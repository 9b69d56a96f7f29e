import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEntry } from '../use-cases/ports';
import { createJournalRepository, createPeriodRepository } from './ledger.repositories';

let db: Awaited<ReturnType<typeof testDatabase>>;
let journal: ReturnType<typeof createJournalRepository>;
let periods: ReturnType<typeof createPeriodRepository>;

beforeAll(async () => {
  db = await testDatabase('ledger-repos');
  journal = createJournalRepository(db.conn);
  periods = createPeriodRepository(db.conn);
  await Promise.all([journal.init(), periods.init()]);
});
afterAll(async () => {
  await db?.drop();
});

const entry = (entryId: string, period: string, cooperativeId = 'karangbesuki'): StoredEntry => ({
  entryId,
  cooperativeId,
  period,
  occurredAt: `${period}-10T03:00:00.000Z`,
  sourceId: entryId.slice(3),
  kind: 'savings_deposit',
  memo: 'Setoran simpanan wajib mbr_sri',
  lines: [
    { account: '1-1100', debit: 10_000, credit: 0 },
    { account: '3-1200', debit: 0, credit: 10_000 },
  ],
  seq: 1,
  postedAt: new Date().toISOString(),
});

describe('journal_entries on FerretDB', () => {
  it('keeps the first insert of an entry id; a second is a duplicate and changes nothing', async () => {
    const first = entry('je_a1', '2026-01');
    expect(await journal.insert(first, [])).toBe('inserted');
    expect(await journal.insert({ ...first, memo: 'lain', seq: 9 }, [])).toBe('duplicate');
    expect(await journal.findById('je_a1')).toEqual(first);
  });

  it("lists one cooperative's periods in a range", async () => {
    await journal.insert(entry('je_b1', '2026-02'), []);
    await journal.insert(entry('je_b2', '2026-03'), []);
    await journal.insert(entry('je_b3', '2026-03', 'dinoyo'), []);
    const ids = (q: Parameters<typeof journal.list>[0]) =>
      journal.list(q).then((l) => l.map((e) => e.entryId).sort());
    expect(await ids({ cooperativeId: 'karangbesuki', from: '2026-02', to: '2026-03' })).toEqual([
      'je_b1',
      'je_b2',
    ]);
    expect(await ids({ cooperativeId: 'karangbesuki', to: '2026-02' })).toEqual(['je_a1', 'je_b1']);
    expect(await ids({ from: '2026-03', to: '2026-03' })).toEqual(['je_b2', 'je_b3']);
  });
});

describe('ledger_periods on FerretDB', () => {
  it('admits postings with increasing numbers until the close, and none after it', async () => {
    expect(await periods.admit('karangbesuki', '2026-04')).toBe(1);
    expect(await periods.admit('karangbesuki', '2026-04')).toBe(2);
    const closed = await periods.close('karangbesuki', '2026-04', 'per_bendahara', new Date(), []);
    expect(closed).toMatchObject({ status: 'closed', admitted: 2, closedBy: 'per_bendahara' });
    expect(await periods.admit('karangbesuki', '2026-04')).toBeNull();
    expect(await periods.close('karangbesuki', '2026-04', 'per_other', new Date(), [])).toBeNull();
  });

  it('keeps a closed month’s totals, and only a closed month’s', async () => {
    const totals = [
      { account: '1-1100' as const, debit: 30_000, credit: 5_000 },
      { account: '4-1100' as const, debit: 0, credit: 25_000 },
    ];
    await periods.admit('karangbesuki', '2026-06');
    await periods.setTotals('karangbesuki', '2026-06', totals); // open: refused
    expect((await periods.totals('karangbesuki')).has('2026-06')).toBe(false);
    await periods.close('karangbesuki', '2026-06', 'per_bendahara', new Date(), []);
    await periods.setTotals('karangbesuki', '2026-06', totals);
    expect((await periods.totals('karangbesuki')).get('2026-06')).toEqual(totals);
    expect((await periods.list('karangbesuki')).find((p) => p.period === '2026-06')).not.toHaveProperty(
      'totals',
    );
  });

  it('closes a month never posted to', async () => {
    expect(await periods.close('karangbesuki', '2025-12', 'per_bendahara', new Date(), [])).toMatchObject({
      status: 'closed',
      admitted: 0,
    });
    expect(await periods.admit('karangbesuki', '2025-12')).toBeNull();
  });

  it('orders concurrent postings and a close: each posting is admitted before it, with a unique number, or refused', async () => {
    const month = '2026-05';
    const admits = Array.from({ length: 30 }, () => periods.admit('karangbesuki', month));
    const close = periods.close('karangbesuki', month, 'per_bendahara', new Date(), []);
    const later = Array.from({ length: 10 }, () => periods.admit('karangbesuki', month));
    const [numbers, closed] = await Promise.all([Promise.all([...admits, ...later]), close]);
    const admitted = numbers.filter((n): n is number => n !== null);
    expect(closed?.admitted).toBe(admitted.length);
    expect(new Set(admitted).size).toBe(admitted.length);
    expect(Math.max(0, ...admitted)).toBe(admitted.length);
    expect(await periods.admit('karangbesuki', month)).toBeNull();
  });
});
