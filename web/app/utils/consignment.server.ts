import { z } from 'zod';
import { getEnv } from './env.server';
import { callService, serviceUrl } from './http.server';
import type { ConsignmentBalance, ConsignmentSettings, SalesReport, Statement } from './sellers';

/**
 * Payments' consignment (titip jual, decision 0015): what the cooperative owes each seller, their
 * statement and sales, the bendahara's payouts and the commission. Every call carries the person's
 * payments token; a penjual naming another seller gets 404.
 */
const sellerPath = (cooperativeId: string, sellerId: string) =>
  `/cooperatives/${encodeURIComponent(cooperativeId)}/sellers/${encodeURIComponent(sellerId)}`;

const Rupiah = z.number().int();
const BalanceSchema: z.ZodType<ConsignmentBalance> = z.object({
  sellerId: z.string().min(1),
  shopName: z.string(),
  status: z.enum(['active', 'suspended']),
  balance: Rupiah,
  availableForPayout: Rupiah,
  pending: Rupiah,
  lastPayoutAt: z.string().nullable(),
});

export function sellerBalance(token: string, cooperativeId: string, sellerId: string) {
  return callService('payments', `${sellerPath(cooperativeId, sellerId)}/consignment`, {
    token,
    schema: BalanceSchema,
  });
}

/** Every seller's balance (pengurus, pengawas). */
export async function allBalances(token: string, cooperativeId: string): Promise<ConsignmentBalance[]> {
  const res = await callService(
    'payments',
    `/cooperatives/${encodeURIComponent(cooperativeId)}/consignment`,
    {
      token,
      schema: z.object({ items: z.array(BalanceSchema) }),
    },
  );
  return res.items;
}

const StatementSchema: z.ZodType<Statement> = z.object({
  month: z.string(),
  shopName: z.string(),
  openingBalance: Rupiah,
  closingBalance: Rupiah,
  lines: z.array(
    z.object({
      date: z.string(),
      at: z.string(),
      kind: z.string(),
      notaNumber: z.string().nullable(),
      product: z.string().nullable(),
      quantity: z.number().int().nullable(),
      receiptNumber: z.string().nullable(),
      amount: Rupiah,
      balance: Rupiah,
    }),
  ),
});

export function statement(token: string, cooperativeId: string, sellerId: string, month: string) {
  return callService('payments', `${sellerPath(cooperativeId, sellerId)}/statement`, {
    token,
    query: { month, format: 'json' },
    schema: StatementSchema,
  });
}

/** The statement as a file (CSV or PDF) straight from payments, for the BFF to pass on. */
export function fetchStatementFile(
  token: string,
  cooperativeId: string,
  sellerId: string,
  month: string,
  format: 'csv' | 'pdf',
  signal: AbortSignal = AbortSignal.timeout(Math.max(getEnv().SERVICE_TIMEOUT_MS, 15_000)),
): Promise<Response> {
  const url = serviceUrl('payments', `${sellerPath(cooperativeId, sellerId)}/statement`, { month, format });
  return fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: format === 'csv' ? 'text/csv' : 'application/pdf' },
    signal,
  });
}

const ProductSalesSchema = z.object({
  productId: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  amount: Rupiah,
  notaNumbers: z.array(z.string()),
});
const SalesSchema: z.ZodType<SalesReport> = z.object({
  from: z.string(),
  to: z.string(),
  quantity: z.number().int(),
  amount: Rupiah,
  products: z.array(ProductSalesSchema),
  days: z.array(
    z.object({
      date: z.string(),
      quantity: z.number().int(),
      amount: Rupiah,
      products: z.array(ProductSalesSchema),
    }),
  ),
});

/** Sales per product and per day of a Jakarta date range (at most 92 days), nota numbers, no shoppers. */
export function sellerSales(
  token: string,
  cooperativeId: string,
  sellerId: string,
  range: { from: string; to: string },
): Promise<SalesReport> {
  return callService('payments', `${sellerPath(cooperativeId, sellerId)}/sales`, {
    token,
    query: range,
    schema: SalesSchema,
  });
}

export interface PayoutInput {
  amount: number;
  method: 'cash' | 'transfer';
  note: string;
  receiptNumber: string;
}

/**
 * The bendahara's payout; payments refuses more than what is available (409
 * CONSIGNMENT.PAYOUT_EXCEEDS_AVAILABLE). The form's idempotency key makes a double submit one payout.
 */
export function recordPayout(
  token: string,
  cooperativeId: string,
  sellerId: string,
  payout: PayoutInput,
  idempotencyKey: string,
) {
  return callService('payments', `${sellerPath(cooperativeId, sellerId)}/payouts`, {
    method: 'POST',
    token,
    headers: { 'Idempotency-Key': idempotencyKey },
    body: payout,
    schema: z.unknown(),
  });
}

const SettingsSchema: z.ZodType<ConsignmentSettings> = z.object({
  commissionBps: z.number().int().min(0),
  categoryBps: z.record(z.string(), z.number().int().min(0)),
  isDefault: z.boolean().optional(),
});

export function getConsignmentSettings(token: string, cooperativeId: string) {
  return callService('payments', `/cooperatives/${encodeURIComponent(cooperativeId)}/consignment-settings`, {
    token,
    schema: SettingsSchema,
  });
}

export function putConsignmentSettings(token: string, cooperativeId: string, settings: ConsignmentSettings) {
  return callService('payments', `/cooperatives/${encodeURIComponent(cooperativeId)}/consignment-settings`, {
    method: 'PUT',
    token,
    body: settings,
    schema: SettingsSchema,
  });
}
