import { getEnv } from './env.server';
import { callService, serviceUrl } from './http.server';
import { answerSchema } from './contract.server';
import type {
  ConsignmentBalance,
  ConsignmentOverviewItem,
  ConsignmentSettings,
  SalesReport,
  Statement,
} from './views';

/**
 * Payments' consignment (titip jual, decision 0015): what the cooperative owes each seller, their
 * statement and sales, the bendahara's payouts and the commission. Every call carries the person's
 * payments token; a penjual naming another seller gets 404.
 */
const sellerPath = (cooperativeId: string, sellerId: string) =>
  `/cooperatives/${encodeURIComponent(cooperativeId)}/sellers/${encodeURIComponent(sellerId)}`;

export function sellerBalance(
  token: string,
  cooperativeId: string,
  sellerId: string,
): Promise<ConsignmentBalance> {
  return callService('payments', `${sellerPath(cooperativeId, sellerId)}/consignment`, {
    token,
    schema: answerSchema('payments', 'get', '/cooperatives/{cooperativeId}/sellers/{sellerId}/consignment'),
  });
}

/** Every seller's balance (pengurus, pengawas). */
export async function allBalances(token: string, cooperativeId: string): Promise<ConsignmentOverviewItem[]> {
  const res = await callService(
    'payments',
    `/cooperatives/${encodeURIComponent(cooperativeId)}/consignment`,
    {
      token,
      schema: answerSchema('payments', 'get', '/cooperatives/{cooperativeId}/consignment'),
    },
  );
  return res.items;
}

export function statement(
  token: string,
  cooperativeId: string,
  sellerId: string,
  month: string,
): Promise<Statement> {
  return callService('payments', `${sellerPath(cooperativeId, sellerId)}/statement`, {
    token,
    query: { month, format: 'json' },
    schema: answerSchema('payments', 'get', '/cooperatives/{cooperativeId}/sellers/{sellerId}/statement'),
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
    schema: answerSchema('payments', 'get', '/cooperatives/{cooperativeId}/sellers/{sellerId}/sales'),
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
    schema: answerSchema('payments', 'post', '/cooperatives/{cooperativeId}/sellers/{sellerId}/payouts'),
  });
}

export function getConsignmentSettings(token: string, cooperativeId: string): Promise<ConsignmentSettings> {
  return callService('payments', `/cooperatives/${encodeURIComponent(cooperativeId)}/consignment-settings`, {
    token,
    schema: answerSchema('payments', 'get', '/cooperatives/{cooperativeId}/consignment-settings'),
  });
}

export function putConsignmentSettings(
  token: string,
  cooperativeId: string,
  settings: Pick<ConsignmentSettings, 'commissionBps' | 'categoryBps'>,
): Promise<ConsignmentSettings> {
  return callService('payments', `/cooperatives/${encodeURIComponent(cooperativeId)}/consignment-settings`, {
    method: 'PUT',
    token,
    body: settings,
    schema: answerSchema('payments', 'put', '/cooperatives/{cooperativeId}/consignment-settings'),
  });
}
