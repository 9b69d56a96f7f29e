import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, createRouter, defineRoute } from '@pasar/service-kit';
import type { Context } from 'hono';
import { toCsv } from '../reports/csv';
import { toPdf } from '../reports/pdf';
import {
  balanceSheetTable,
  generalLedgerTable,
  incomeStatementTable,
  journalTable,
  type ReportTable,
  trialBalanceTable,
} from '../reports/table';
import { aggregateReport } from '../use-cases/aggregate-report';
import {
  balanceSheetReport,
  generalLedgerReport,
  incomeStatementReport,
  journalReport,
  trialBalanceReport,
} from '../use-cases/build-reports';
import { type LedgerDeps, now } from '../use-cases/ports';
import { DINAS, READERS } from './access';
import {
  AggregateReportSchema,
  BalanceSheetReportSchema,
  GeneralLedgerReportSchema,
  IncomeStatementReportSchema,
  JournalReportSchema,
  rangeOf,
  ReportQuery,
  TrialBalanceReportSchema,
} from './report.schemas';
import { AccountCodeSchema, CooperativeParam, YearSchema } from './schemas';

const reportResponse = (schema: z.ZodType, description: string) => ({
  200: {
    description: `${description} (format=json, csv or pdf)`,
    content: {
      'application/json': { schema },
      'text/csv': { schema: z.string() },
      'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
    },
  },
});

const report = (path: string, summary: string, schema: z.ZodType, params: z.ZodObject = CooperativeParam) =>
  defineRoute({
    method: 'get',
    path: `/cooperatives/{cooperativeId}/reports/${path}`,
    summary,
    access: READERS,
    request: { params, query: ReportQuery },
    responses: reportResponse(schema, summary),
  });

const journalRoute = report('journal', 'Jurnal umum: every entry booked in the periods', JournalReportSchema);
const generalLedgerRoute = report(
  'general-ledger/{accountCode}',
  "Buku besar: one account's entries with the running balance",
  GeneralLedgerReportSchema,
  CooperativeParam.extend({ accountCode: AccountCodeSchema }),
);
const trialBalanceRoute = report(
  'trial-balance',
  'Neraca saldo at the end of the last period',
  TrialBalanceReportSchema,
);
const incomeStatementRoute = report(
  'income-statement',
  'Laporan laba rugi: income, expenses and the SHU of the periods',
  IncomeStatementReportSchema,
);
const balanceSheetRoute = report(
  'balance-sheet',
  'Neraca at the end of the last period',
  BalanceSheetReportSchema,
);

const aggregateRoute = defineRoute({
  method: 'get',
  path: '/reports/aggregate',
  summary:
    "For dinas: each cooperative's sales, SHU and members' savings of a year, and their sum (no entries, no members)",
  access: DINAS,
  request: { query: z.object({ year: YearSchema.openapi({ example: 2026 }) }) },
  responses: {
    200: {
      description: 'Figures per cooperative',
      content: { 'application/json': { schema: AggregateReportSchema } },
    },
  },
});

async function answer(c: Context, format: 'json' | 'csv' | 'pdf', data: unknown, table: () => ReportTable) {
  if (format === 'json') return c.json(data as object, 200);
  const t = table();
  const headers = { 'Cache-Control': 'private, no-store' };
  if (format === 'csv')
    return c.body(toCsv(t), 200, {
      ...headers,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${t.fileName}.csv"`,
    });
  return c.body(new Uint8Array(await toPdf(t)), 200, {
    ...headers,
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="${t.fileName}.pdf"`,
  });
}

export function reportRoutes(deps: LedgerDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  const input = (c: Context) => {
    const q = (c.req as unknown as { valid(t: 'query'): z.output<typeof ReportQuery> }).valid('query');
    return {
      cooperativeId: c.req.param('cooperativeId') as string,
      range: rangeOf(q, now(deps)),
      format: q.format,
    };
  };
  app.openapi(journalRoute, async (c) => {
    const { cooperativeId, range, format } = input(c);
    const r = await journalReport(deps, cooperativeId, range);
    return answer(c, format, r, () => journalTable(r)) as never;
  });
  app.openapi(generalLedgerRoute, async (c) => {
    const { cooperativeId, range, format } = input(c);
    const r = await generalLedgerReport(deps, cooperativeId, range, c.req.param('accountCode') as string);
    return answer(c, format, r, () => generalLedgerTable(r)) as never;
  });
  app.openapi(trialBalanceRoute, async (c) => {
    const { cooperativeId, range, format } = input(c);
    const r = await trialBalanceReport(deps, cooperativeId, range);
    return answer(c, format, r, () => trialBalanceTable(r)) as never;
  });
  app.openapi(incomeStatementRoute, async (c) => {
    const { cooperativeId, range, format } = input(c);
    const r = await incomeStatementReport(deps, cooperativeId, range);
    return answer(c, format, r, () => incomeStatementTable(r)) as never;
  });
  app.openapi(balanceSheetRoute, async (c) => {
    const { cooperativeId, range, format } = input(c);
    const r = await balanceSheetReport(deps, cooperativeId, range);
    return answer(c, format, r, () => balanceSheetTable(r)) as never;
  });
  app.openapi(aggregateRoute, async (c) =>
    c.json(await aggregateReport(deps, c.req.valid('query').year), 200),
  );
  return app;
}
