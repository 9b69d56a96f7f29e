import { type Account, type Anomaly, emptyAccount, summarise, type Summary } from '../domain/account';
import { type SalesReport, salesReport } from '../domain/sales-report';
import { type Statement, statementFor } from '../domain/statement';
import type { ConsignmentDeps, SellerRecord } from './ports';

export interface SellerConsignment extends Summary {
  seller: SellerRecord;
  anomalies: Anomaly[];
}

const accountOf = async (deps: ConsignmentDeps, s: SellerRecord): Promise<Account> =>
  (await deps.store.getAccount(s.cooperativeId, s.sellerId)) ?? emptyAccount(s.cooperativeId, s.sellerId);

export async function getSellerConsignment(
  deps: ConsignmentDeps,
  seller: SellerRecord,
): Promise<SellerConsignment> {
  const account = await accountOf(deps, seller);
  return { seller, ...summarise(account), anomalies: account.anomalies };
}

/** Every consignment seller of the cooperative (those with no sale yet at zero), by shop name. */
export async function listSellerConsignments(
  deps: ConsignmentDeps,
  cooperativeId: string,
): Promise<{ seller: SellerRecord; summary: Summary; anomalies: number }[]> {
  const [sellers, summaries] = await Promise.all([
    deps.store.listSellers(cooperativeId),
    deps.store.listSummaries(cooperativeId),
  ]);
  const bySeller = new Map(summaries.map((s) => [s.sellerId, s]));
  return sellers
    .map((seller) => {
      const s = bySeller.get(seller.sellerId);
      return {
        seller,
        summary: s ?? summarise(emptyAccount(cooperativeId, seller.sellerId)),
        anomalies: s?.anomalies ?? 0,
      };
    })
    .sort((a, b) => a.seller.shopName.localeCompare(b.seller.shopName, 'id'));
}

export async function getStatement(
  deps: ConsignmentDeps,
  seller: SellerRecord,
  month: string,
): Promise<Statement> {
  return statementFor(await accountOf(deps, seller), month);
}

export async function getSalesReport(
  deps: ConsignmentDeps,
  seller: SellerRecord,
  from: string,
  to: string,
): Promise<SalesReport> {
  return salesReport(await accountOf(deps, seller), from, to);
}
