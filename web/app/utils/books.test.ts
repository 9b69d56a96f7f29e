import { describe, expect, it } from 'vitest';
import {
  accountName,
  ledgerRange,
  type LedgerPeriod,
  mayDecide,
  mayRecord,
  monthFigures,
  periodName,
  periodSearch,
  sumFigures,
  yearChoices,
  yearClosable,
  yearMonths,
} from './books';

const closed = (period: string): LedgerPeriod => ({
  cooperativeId: 'karangbesuki',
  period,
  status: 'closed',
  admitted: 3,
  closedBy: 'per_kb_bendahara',
  closedAt: `${period}-28T10:00:00.000Z`,
});

describe('periods of the reports', () => {
  it('asks the ledger for a year or for one month', () => {
    expect(ledgerRange({ year: 2026, month: null })).toEqual({ year: 2026 });
    expect(ledgerRange({ year: 2026, month: '05' })).toEqual({ from: '2026-05', to: '2026-05' });
    expect(periodSearch({ year: 2026, month: '05' })).toEqual({ tahun: '2026', bulan: '05' });
    expect(periodSearch({ year: 2026, month: null })).toEqual({ tahun: '2026' });
  });

  it('names a month in both languages', () => {
    expect(periodName('2026-05', 'id')).toBe('Mei 2026');
    expect(periodName('2026-05', 'en')).toBe('May 2026');
  });

  it('offers this year, the five before it, and the chosen one', () => {
    expect(yearChoices(2026, 2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    expect(yearChoices(2026, 2015)).toContain(2015);
  });
});

describe('the months of a year', () => {
  it('are open unless the ledger closed them; only ended months count as ended', () => {
    const months = yearMonths(2026, [closed('2026-01'), closed('2025-12')], '2026-03');
    expect(months).toHaveLength(12);
    expect(months[0]).toMatchObject({ period: '2026-01', status: 'closed', ended: true, admitted: 3 });
    expect(months[1]).toMatchObject({ period: '2026-02', status: 'open', ended: true, admitted: 0 });
    expect(months[2]).toMatchObject({ period: '2026-03', status: 'open', ended: false });
    expect(months[11]?.ended).toBe(false);
  });

  it('a year can be closed at once only after December, while a month is still open', () => {
    expect(yearClosable(yearMonths(2026, [], '2026-12'))).toBe(false);
    expect(yearClosable(yearMonths(2025, [closed('2025-01')], '2026-01'))).toBe(true);
    const all = Array.from({ length: 12 }, (_, i) => closed(`2025-${String(i + 1).padStart(2, '0')}`));
    expect(yearClosable(yearMonths(2025, all, '2026-01'))).toBe(false);
  });
});

describe('who may do what (the ledger rules)', () => {
  it('the bendahara records; any pengurus decides; the pengawas only reads', () => {
    expect(mayRecord({ roles: ['pengurus'], position: 'bendahara' })).toBe(true);
    expect(mayRecord({ roles: ['pengurus'], position: 'ketua' })).toBe(false);
    expect(mayRecord({ roles: ['pengawas'] })).toBe(false);
    expect(mayDecide({ roles: ['pengurus'] })).toBe(true);
    expect(mayDecide({ roles: ['anggota', 'pengawas'] })).toBe(false);
  });
});

describe('the overview figures', () => {
  const row = (code: string, balance: number) => ({
    code,
    name: code,
    class: 'pendapatan' as const,
    debit: 0,
    credit: balance,
    balance,
  });
  it('takes income, expenses, SHU and own sales from a month income statement, and sums them', () => {
    const may = monthFigures('2026-05', {
      cooperativeId: 'karangbesuki',
      from: '2026-05',
      to: '2026-05',
      pendapatan: [row('4-1100', 900_000), row('4-1200', 45_000)],
      beban: [{ ...row('5-2100', 350_000), class: 'beban' }],
      totalPendapatan: 945_000,
      totalBeban: 350_000,
      shu: 595_000,
    });
    expect(may).toEqual({
      period: '2026-05',
      income: 945_000,
      expenses: 350_000,
      shu: 595_000,
      sales: 900_000,
    });
    expect(sumFigures([may, { ...may, period: '2026-06', sales: 0 }])).toEqual({
      income: 1_890_000,
      expenses: 700_000,
      shu: 1_190_000,
      sales: 900_000,
    });
  });

  it('names accounts in the reader language', () => {
    const chart = [
      {
        code: '5-2100',
        name: 'Beban listrik dan air',
        nameEn: 'Electricity and water',
        class: 'beban' as const,
      },
    ];
    expect(accountName('5-2100', chart, 'id')).toBe('Beban listrik dan air');
    expect(accountName('5-2100', chart, 'en')).toBe('Electricity and water');
    expect(accountName('9-9999', chart, 'en', 'Lain')).toBe('Lain');
  });
});
