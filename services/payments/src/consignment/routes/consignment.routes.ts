import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  type AccessRule,
  type AppEnv,
  createRouter,
  defineRoute,
  principalOf,
  ValidationError,
} from '@pasar/service-kit';
import type { Context } from 'hono';
import { DAY_MS, jakartaDayStart } from '../domain/jakarta';
import { renderStatementPdf } from '../lib/statement-pdf';
import { statementCsv } from '../lib/statement-csv';
import { getCommissionSettings, putCommissionSettings } from '../use-cases/commission-settings';
import type { ConsignmentDeps } from '../use-cases/ports';
import {
  getSalesReport,
  getSellerConsignment,
  getStatement,
  listSellerConsignments,
} from '../use-cases/read-consignment';
import { recordSellerPayout } from '../use-cases/record-payout';
import { sellerFor } from '../use-cases/seller-access';
import {
  ConsignmentOverviewSchema,
  CooperativeParam,
  PayoutBodySchema,
  PayoutHeaders,
  PayoutResultSchema,
  SalesQuery,
  SalesReportSchema,
  SellerConsignmentSchema,
  SellerParams,
  SettingsBodySchema,
  SettingsSchema,
  StatementQuery,
  StatementSchema,
} from './consignment.schemas';
import {
  overviewView,
  payoutView,
  salesView,
  sellerConsignmentView,
  settingsView,
  statementView,
} from './consignment.views';

/** Sellers read the rate they are charged; the board and the supervisor read it too. */
const SETTINGS_READERS = {
  allow: ['pengurus', 'pengawas', 'penjual'],
  scope: 'path',
} as const satisfies AccessRule;
/** The bendahara records money: the rates, and the payouts (decision 0016). */
const BENDAHARA = { allow: ['pengurus'], scope: 'path', position: 'bendahara' } as const satisfies AccessRule;
/** Every seller's balance: the board and the supervisor. */
const OVERVIEW_READERS = { allow: ['pengurus', 'pengawas'], scope: 'path' } as const satisfies AccessRule;
/** One seller's account: staff, or that seller (a penjual naming another seller's id gets 404). */
const SELLER_READERS = {
  allow: ['penjual', 'pengurus', 'pengawas'],
  scope: 'path',
} as const satisfies AccessRule;

const json = <S>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const getSettingsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/consignment-settings',
  summary:
    'The commission the cooperative keeps of consignment sales (per cooperative, optionally per category)',
  access: SETTINGS_READERS,
  request: { params: CooperativeParam },
  responses: { 200: json(SettingsSchema, 'The rates') },
});

const putSettingsRoute = defineRoute({
  method: 'put',
  path: '/cooperatives/{cooperativeId}/consignment-settings',
  summary:
    'Set the commission rates (bendahara; audited). Applies to sales recognised from now on, never retroactively',
  access: BENDAHARA,
  request: {
    params: CooperativeParam,
    body: { content: { 'application/json': { schema: SettingsBodySchema } }, required: true },
  },
  responses: { 200: json(SettingsSchema, 'The rates now in force') },
});

const overviewRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/consignment',
  summary: "Every consignment seller's balance, what is available for payout and what is pending",
  access: OVERVIEW_READERS,
  request: { params: CooperativeParam },
  responses: { 200: json(ConsignmentOverviewSchema, 'The sellers, by shop name') },
});

const sellerRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/sellers/{sellerId}/consignment',
  summary: "A seller's consignment balance (that seller, or staff)",
  access: SELLER_READERS,
  request: { params: SellerParams },
  responses: { 200: json(SellerConsignmentSchema, 'The balance') },
});

const statementRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/sellers/{sellerId}/statement',
  summary:
    "A seller's monthly statement (Asia/Jakarta): opening balance, lines, closing balance; JSON, CSV or PDF",
  access: SELLER_READERS,
  request: { params: SellerParams, query: StatementQuery },
  responses: {
    200: {
      description: 'The statement',
      content: {
        'application/json': { schema: StatementSchema },
        'text/csv': { schema: { type: 'string' } },
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
      },
    },
  },
});

const salesRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/sellers/{sellerId}/sales',
  summary:
    "A seller's sales per product and per day, with the nota numbers (no shopper data); at most 92 days",
  access: SELLER_READERS,
  request: { params: SellerParams, query: SalesQuery },
  responses: { 200: json(SalesReportSchema, 'The sales') },
});

const payoutRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/sellers/{sellerId}/payouts',
  summary: 'Record a payout to a seller (bendahara; audited); never above what is available',
  access: BENDAHARA,
  request: {
    params: SellerParams,
    headers: PayoutHeaders,
    body: { content: { 'application/json': { schema: PayoutBodySchema } }, required: true },
  },
  responses: {
    200: json(PayoutResultSchema, 'The same Idempotency-Key again: the payout already recorded'),
    201: json(PayoutResultSchema, 'Recorded'),
  },
});

const MAX_SALES_DAYS = 92;

function salesRange(from: string, to: string): void {
  const days = (jakartaDayStart(to).getTime() - jakartaDayStart(from).getTime()) / DAY_MS;
  if (Number.isNaN(days))
    throw new ValidationError([{ field: 'query.to', message: 'must be a calendar date' }]);
  if (days < 0) throw new ValidationError([{ field: 'query.to', message: 'must not be before from' }]);
  if (days >= MAX_SALES_DAYS)
    throw new ValidationError([{ field: 'query.to', message: `a range is at most ${MAX_SALES_DAYS} days` }]);
}

/** The principal the route's guard let through. */
const who = (c: Context) => {
  const p = principalOf(c);
  if (!p) throw new Error('consignment route without a principal');
  return p;
};

function fileAnswer(c: Context, body: string | Buffer, type: string, name: string): Response {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}

export function consignmentRoutes(deps: ConsignmentDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(getSettingsRoute, async (c) =>
    c.json(settingsView(await getCommissionSettings(deps, c.req.valid('param').cooperativeId)), 200),
  );
  app.openapi(putSettingsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(settingsView(await putCommissionSettings(deps, who(c), cooperativeId, body)), 200);
  });
  app.openapi(overviewRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    return c.json(overviewView(cooperativeId, await listSellerConsignments(deps, cooperativeId)), 200);
  });
  app.openapi(sellerRoute, async (c) => {
    const { cooperativeId, sellerId } = c.req.valid('param');
    const seller = await sellerFor(deps, who(c), cooperativeId, sellerId);
    return c.json(sellerConsignmentView(await getSellerConsignment(deps, seller)), 200);
  });
  app.openapi(statementRoute, async (c) => {
    const { cooperativeId, sellerId } = c.req.valid('param');
    const { month, format } = c.req.valid('query');
    const seller = await sellerFor(deps, who(c), cooperativeId, sellerId);
    const statement = await getStatement(deps, seller, month);
    const name = `rekening-titip-jual-${seller.sellerId}-${month}`;
    if (format === 'csv')
      return fileAnswer(
        c,
        statementCsv(statement, seller.shopName),
        'text/csv; charset=utf-8',
        `${name}.csv`,
      );
    if (format === 'pdf') {
      const pdf = await renderStatementPdf(statement, {
        cooperativeName: `Koperasi ${cooperativeId}`,
        shopName: seller.shopName,
        sellerId: seller.sellerId,
      });
      return fileAnswer(c, pdf, 'application/pdf', `${name}.pdf`);
    }
    return c.json(statementView(statement, seller), 200);
  });
  app.openapi(salesRoute, async (c) => {
    const { cooperativeId, sellerId } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    salesRange(from, to);
    const seller = await sellerFor(deps, who(c), cooperativeId, sellerId);
    return c.json(salesView(await getSalesReport(deps, seller, from, to), seller), 200);
  });
  app.openapi(payoutRoute, async (c) => {
    const { cooperativeId, sellerId } = c.req.valid('param');
    const body = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'];
    const seller = await sellerFor(deps, who(c), cooperativeId, sellerId);
    const { payout, replayed } = await recordSellerPayout(deps, who(c), seller, {
      ...body,
      ...(key ? { idempotencyKey: key } : {}),
    });
    const view = payoutView(payout, await getSellerConsignment(deps, seller));
    return c.json(view, replayed ? 200 : 201);
  });
  return app;
}
