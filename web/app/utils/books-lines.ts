import type { FieldErrors } from '~/schemas/form';
import { formatRupiah } from './money';

/**
 * The lines of a manual entry as the bendahara types them: rows of account, debit and credit
 * (`line-<i>-account`, `line-<i>-debit`, `line-<i>-credit`). Checked here as the ledger checks them
 * (services/ledger/src/domain/journal.ts balancedLines), so a mistake is named next to its row before
 * any call; the ledger still checks again.
 */
export const DEFAULT_LINE_ROWS = 4;
export const MAX_LINE_ROWS = 12;
/** The ledger's bound on one amount (contracts' RupiahSchema). */
export const MAX_LINE_AMOUNT = 1_000_000_000_000;

export interface LineRow {
  account: string;
  debit: string;
  credit: string;
}

export interface BalancedLine {
  account: string;
  debit: number;
  credit: number;
}

export type LinesResult =
  | { ok: true; lines: BalancedLine[]; total: number }
  | { ok: false; errors: FieldErrors; totals: { debit: number; credit: number } };

export const lineField = (i: number, part: keyof LineRow) => `line-${i}-${part}`;

/** How many rows the form shows: `?baris=` within bounds, at least as many as were sent. */
export function rowCount(requested: string | null | undefined, sent = 0): number {
  const n = Number(requested);
  const asked = Number.isInteger(n) && n > 0 ? n : DEFAULT_LINE_ROWS;
  return Math.min(MAX_LINE_ROWS, Math.max(2, asked, sent));
}

/** The rows of a submitted form, in order, however many it had (bounded). */
export function readLineRows(form: FormData | URLSearchParams): LineRow[] {
  const rows: LineRow[] = [];
  for (let i = 0; i < MAX_LINE_ROWS; i += 1) {
    const value = (part: keyof LineRow) => {
      const v = form.get(lineField(i, part));
      return typeof v === 'string' ? v.slice(0, 40) : '';
    };
    if (!form.has(lineField(i, 'account')) && !form.has(lineField(i, 'debit'))) break;
    rows.push({ account: value('account'), debit: value('debit'), credit: value('credit') });
  }
  return rows;
}

/**
 * Rupiah as typed: "150000", "150.000", "Rp 150.000" → 150000; empty → 0. Cents, minus signs,
 * letters → null (not an amount).
 */
export function parseRupiahInput(raw: string): number | null {
  const cleaned = raw
    .trim()
    .replace(/^Rp\.?\s*/i, '')
    .replace(/[.\s\u00a0]/g, '');
  if (cleaned === '') return 0;
  if (!/^\d{1,13}$/.test(cleaned)) return null;
  return Number(cleaned);
}

/**
 * Checks the rows: empty rows are skipped; each kept row names an account of the chart and one side
 * (debit or credit, a whole rupiah amount above zero); at least two lines; debit total = credit total.
 */
export function checkLines(rows: readonly LineRow[], accounts: ReadonlySet<string>): LinesResult {
  const errors: FieldErrors = {};
  const lines: BalancedLine[] = [];
  let debit = 0;
  let credit = 0;
  rows.forEach((row, i) => {
    const account = row.account.trim();
    if (account === '' && row.debit.trim() === '' && row.credit.trim() === '') return;
    const d = parseRupiahInput(row.debit);
    const c = parseRupiahInput(row.credit);
    let bad = false;
    if (account === '') {
      errors[lineField(i, 'account')] = 'books.lines.accountRequired';
      bad = true;
    } else if (!accounts.has(account)) {
      errors[lineField(i, 'account')] = 'books.lines.accountUnknown';
      bad = true;
    }
    if (d === null || d > MAX_LINE_AMOUNT) {
      errors[lineField(i, 'debit')] = 'books.lines.amount';
      bad = true;
    }
    if (c === null || c > MAX_LINE_AMOUNT) {
      errors[lineField(i, 'credit')] = 'books.lines.amount';
      bad = true;
    }
    if (d !== null && c !== null && !bad) {
      if (d > 0 && c > 0) {
        errors[lineField(i, 'credit')] = 'books.lines.oneSide';
        bad = true;
      } else if (d === 0 && c === 0) {
        errors[lineField(i, 'debit')] = 'books.lines.noAmount';
        bad = true;
      }
    }
    if (d !== null) debit += d;
    if (c !== null) credit += c;
    if (!bad && d !== null && c !== null) lines.push({ account, debit: d, credit: c });
  });
  const totals = { debit, credit };
  if (Object.keys(errors).length > 0) return { ok: false, errors, totals };
  if (lines.length < 2) return { ok: false, errors: { lines: 'books.lines.atLeastTwo' }, totals };
  if (debit !== credit)
    return {
      ok: false,
      errors: {
        lines: {
          key: 'books.lines.unbalanced',
          vars: { debit: formatRupiah(debit), credit: formatRupiah(credit) },
        },
      },
      totals,
    };
  return { ok: true, lines, total: debit };
}
