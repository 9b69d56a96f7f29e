import type { z } from '@hono/zod-openapi';
import type { Entry, Summary } from '../domain/account';
import type { SalesReport } from '../domain/sales-report';
import type { Statement } from '../domain/statement';
import type { SellerConsignment } from '../use-cases/read-consignment';
import type { SellerRecord, StoredSettings } from '../use-cases/ports';
import type {
  ConsignmentOverviewSchema,
  PayoutResultSchema,
  SalesReportSchema,
  SellerConsignmentSchema,
  SettingsSchema,
  StatementSchema,
} from './consignment.schemas';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const settingsView = (s: StoredSettings): z.output<typeof SettingsSchema> => ({
  cooperativeId: s.cooperativeId,
  commissionBps: s.commissionBps,
  categoryBps: s.categoryBps,
  isDefault: s.version === 0,
  updatedAt: iso(s.updatedAt),
});

const moneyView = (s: Summary) => ({
  balance: s.balance,
  availableForPayout: s.availableForPayout,
  pending: s.pending,
  lastPayoutAt: iso(s.lastPayoutAt),
});

export const sellerConsignmentView = (c: SellerConsignment): z.output<typeof SellerConsignmentSchema> => ({
  cooperativeId: c.seller.cooperativeId,
  sellerId: c.seller.sellerId,
  shopName: c.seller.shopName,
  status: c.seller.status,
  ...moneyView(c),
  totals: {
    sales: c.sales,
    commission: c.commission,
    refunds: c.refunds,
    commissionReversed: c.commissionReversed,
    payouts: c.payouts,
  },
  anomalies: c.anomalies.map((a) => ({ ...a, at: a.at.toISOString() })),
});

export function overviewView(
  cooperativeId: string,
  rows: { seller: SellerRecord; summary: Summary; anomalies: number }[],
): z.output<typeof ConsignmentOverviewSchema> {
  const items = rows.map((r) => ({
    sellerId: r.seller.sellerId,
    shopName: r.seller.shopName,
    status: r.seller.status,
    ...moneyView(r.summary),
    anomalies: r.anomalies,
  }));
  const total = (k: 'balance' | 'availableForPayout' | 'pending') => items.reduce((s, i) => s + i[k], 0);
  return {
    cooperativeId,
    items,
    totals: {
      balance: total('balance'),
      availableForPayout: total('availableForPayout'),
      pending: total('pending'),
    },
  };
}

export const statementView = (s: Statement, seller: SellerRecord): z.output<typeof StatementSchema> => ({
  cooperativeId: seller.cooperativeId,
  sellerId: seller.sellerId,
  shopName: seller.shopName,
  month: s.month,
  from: s.from.toISOString(),
  to: s.to.toISOString(),
  openingBalance: s.openingBalance,
  closingBalance: s.closingBalance,
  totals: {
    sales: s.totals.sale,
    commission: -s.totals.commission,
    refunds: -s.totals.refund,
    commissionReversed: s.totals.commission_reversal,
    payouts: -s.totals.payout,
  },
  lines: s.lines.map((l) => ({ ...l, at: l.at.toISOString() })),
});

export const salesView = (r: SalesReport, seller: SellerRecord): z.output<typeof SalesReportSchema> => ({
  cooperativeId: seller.cooperativeId,
  sellerId: seller.sellerId,
  ...r,
});

export const payoutView = (
  e: Entry,
  consignment: SellerConsignment,
): z.output<typeof PayoutResultSchema> => ({
  payout: {
    payoutId: e.payout?.payoutId ?? e.id.replace(/^payout:/, ''),
    amount: -e.amount,
    method: e.payout?.method ?? 'cash',
    receiptNumber: e.payout?.receiptNumber ?? '',
    note: e.payout?.note ?? '',
    recordedBy: e.payout?.recordedBy ?? '',
    recordedAt: e.at.toISOString(),
  },
  consignment: sellerConsignmentView(consignment),
});
