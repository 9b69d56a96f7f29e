import { describe, expect, it } from 'vitest';
import { formatRupiah } from './money';
import { checkLines, type LineRow, parseRupiahInput, readLineRows, rowCount } from './books-lines';

const CHART = new Set(['1-1100', '1-1200', '5-2100', '5-2200']);
const row = (account: string, debit = '', credit = ''): LineRow => ({ account, debit, credit });
const empty = row('');

describe('parseRupiahInput', () => {
  it('reads whole rupiah as people type them', () => {
    expect(parseRupiahInput('150000')).toBe(150_000);
    expect(parseRupiahInput('150.000')).toBe(150_000);
    expect(parseRupiahInput('Rp 1.250.000')).toBe(1_250_000);
    expect(parseRupiahInput('Rp.75 000')).toBe(75_000);
    expect(parseRupiahInput('  ')).toBe(0);
  });

  it('refuses cents, signs and words', () => {
    expect(parseRupiahInput('150000,50')).toBeNull();
    expect(parseRupiahInput('-5000')).toBeNull();
    expect(parseRupiahInput('lima ribu')).toBeNull();
    expect(parseRupiahInput('1e6')).toBeNull();
  });
});

describe('checkLines', () => {
  it('keeps an electricity bill paid in cash: Dr 5-2100, Cr 1-1100, skipping the empty rows', () => {
    const result = checkLines([row('5-2100', '350.000'), empty, row('1-1100', '', '350000'), empty], CHART);
    expect(result).toEqual({
      ok: true,
      total: 350_000,
      lines: [
        { account: '5-2100', debit: 350_000, credit: 0 },
        { account: '1-1100', debit: 0, credit: 350_000 },
      ],
    });
  });

  it('balances several lines on one side against one on the other', () => {
    const result = checkLines(
      [
        row('5-2100', '100000'),
        row('5-2200', '50000'),
        row('1-1100', '', '120000'),
        row('1-1200', '', '30000'),
      ],
      CHART,
    );
    expect(result.ok && result.total).toBe(150_000);
  });

  it('names the totals when debit and credit differ', () => {
    const result = checkLines([row('5-2100', '350000'), row('1-1100', '', '300000')], CHART);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.totals).toEqual({ debit: 350_000, credit: 300_000 });
    expect(result.errors.lines).toEqual({
      key: 'books.lines.unbalanced',
      vars: { debit: formatRupiah(350_000), credit: formatRupiah(300_000) },
    });
  });

  it('wants at least two lines', () => {
    const result = checkLines([row('5-2100', '1000'), empty], CHART);
    expect(!result.ok && result.errors).toEqual({ lines: 'books.lines.atLeastTwo' });
    expect(!checkLines([empty, empty], CHART).ok).toBe(true);
  });

  it('marks the row and field that is wrong', () => {
    const result = checkLines(
      [
        row('', '1000'),
        row('9-9999', '', '1000'),
        row('1-1100', '500', '500'),
        row('1-1200'),
        row('5-2200', '12,5'),
      ],
      CHART,
    );
    expect(!result.ok && result.errors).toEqual({
      'line-0-account': 'books.lines.accountRequired',
      'line-1-account': 'books.lines.accountUnknown',
      'line-2-credit': 'books.lines.oneSide',
      'line-3-debit': 'books.lines.noAmount',
      'line-4-debit': 'books.lines.amount',
    });
  });

  it('refuses an amount above what the ledger accepts', () => {
    const result = checkLines([row('5-2100', '1000000000001'), row('1-1100', '', '1000000000001')], CHART);
    expect(!result.ok && result.errors['line-0-debit']).toBe('books.lines.amount');
  });
});

describe('the rows of the form', () => {
  it('reads the rows in order until the first missing one', () => {
    const form = new URLSearchParams({
      'line-0-account': '5-2100',
      'line-0-debit': '1000',
      'line-0-credit': '',
      'line-1-account': '1-1100',
      'line-1-debit': '',
      'line-1-credit': '1000',
      'line-3-account': '1-1200',
    });
    expect(readLineRows(form)).toEqual([row('5-2100', '1000'), row('1-1100', '', '1000')]);
  });

  it('shows four rows by default, more on request, never fewer than were sent nor more than twelve', () => {
    expect(rowCount(null)).toBe(4);
    expect(rowCount('6')).toBe(6);
    expect(rowCount('1')).toBe(2);
    expect(rowCount('99')).toBe(12);
    expect(rowCount('abc', 7)).toBe(7);
  });
});
