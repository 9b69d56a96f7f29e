import { z } from '@hono/zod-openapi';
import { ValidationError } from '@pasar/service-kit';
import { ACCOUNT_CLASSES } from '../domain/accounts';
import { periodOf } from '../domain/journal';
import type { Range } from '../use-cases/build-reports';
import { PeriodSchema, YearSchema } from './schemas';

export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;

export const ReportQuery = z.object({
  from: PeriodSchema.optional(),
  to: PeriodSchema.optional(),
  year: YearSchema.optional().openapi({ example: 2026, description: 'instead of from/to: the whole year' }),
  format: z.enum(REPORT_FORMATS).default('json'),
});

/** `?year=` or `?from=&to=` (either alone: that one month); nothing: the current year (Asia/Jakarta). */
export function rangeOf(q: z.output<typeof ReportQuery>, now: Date): Range {
  if (q.year !== undefined) {
    if (q.from || q.to)
      throw new ValidationError([{ field: 'query.year', message: 'give either year or from/to, not both' }]);
    return { from: `${q.year}-01`, to: `${q.year}-12` };
  }
  if (!q.from && !q.to) {
    const year = periodOf(now).slice(0, 4);
    return { from: `${year}-01`, to: `${year}-12` };
  }
  const from = q.from ?? (q.to as string);
  const to = q.to ?? from;
  if (from > to)
    throw new ValidationError([{ field: 'query.to', message: `must not be before from (${from})` }]);
  return { from, to };
}

const Rupiah = z.number().int();
const Span = { cooperativeId: z.string(), from: z.string(), to: z.string() };
const BalanceRow = z.object({
  code: z.string(),
  name: z.string(),
  class: z.enum(ACCOUNT_CLASSES),
  debit: Rupiah,
  credit: Rupiah,
  balance: Rupiah,
});

export const JournalReportSchema = z
  .object({
    ...Span,
    entries: z.array(
      z.object({
        entryId: z.string(),
        period: z.string(),
        occurredAt: z.string(),
        kind: z.string(),
        memo: z.string(),
        sourceId: z.string(),
        reverses: z.string().nullable(),
        lateFor: z.string().nullable(),
        lines: z.array(
          z.object({ account: z.string(), accountName: z.string(), debit: Rupiah, credit: Rupiah }),
        ),
      }),
    ),
    totalDebit: Rupiah,
    totalCredit: Rupiah,
  })
  .openapi('JournalReport');

export const GeneralLedgerReportSchema = z
  .object({
    ...Span,
    account: z.object({ code: z.string(), name: z.string(), class: z.enum(ACCOUNT_CLASSES) }),
    opening: Rupiah,
    rows: z.array(
      z.object({
        entryId: z.string(),
        period: z.string(),
        occurredAt: z.string(),
        memo: z.string(),
        debit: Rupiah,
        credit: Rupiah,
        balance: Rupiah,
      }),
    ),
    closing: Rupiah,
  })
  .openapi('GeneralLedgerReport');

export const TrialBalanceReportSchema = z
  .object({
    ...Span,
    asOf: z.string(),
    rows: z.array(BalanceRow),
    totalDebit: Rupiah,
    totalCredit: Rupiah,
    balanced: z.boolean(),
  })
  .openapi('TrialBalanceReport');

export const IncomeStatementReportSchema = z
  .object({
    ...Span,
    pendapatan: z.array(BalanceRow),
    beban: z.array(BalanceRow),
    totalPendapatan: Rupiah,
    totalBeban: Rupiah,
    shu: Rupiah,
  })
  .openapi('IncomeStatementReport');

export const BalanceSheetReportSchema = z
  .object({
    ...Span,
    asOf: z.string(),
    aset: z.array(BalanceRow),
    kewajiban: z.array(BalanceRow),
    ekuitas: z.array(BalanceRow),
    totalAset: Rupiah,
    totalKewajiban: Rupiah,
    totalEkuitas: Rupiah,
    shuBelumDitutup: Rupiah,
    balanced: z.boolean(),
  })
  .openapi('BalanceSheetReport');

export const AggregateReportSchema = z
  .object({
    year: z.number().int(),
    cooperatives: z.array(
      z.object({
        cooperativeId: z.string(),
        sales: Rupiah,
        shu: Rupiah,
        savings: z.object({ pokok: Rupiah, wajib: Rupiah, sukarela: Rupiah, total: Rupiah }),
      }),
    ),
    totals: z.object({ cooperatives: z.number().int(), sales: Rupiah, shu: Rupiah, savings: Rupiah }),
  })
  .openapi('AggregateReport');
