import type { Account, Entry } from './account';
import { jakartaDay } from './jakarta';

export interface ProductSales {
  productId: string;
  name: string;
  quantity: number;
  amount: number;
  /** The orders' nota numbers (an order not handed over yet has none). */
  notaNumbers: string[];
}

export interface DaySales {
  date: string;
  products: ProductSales[];
  quantity: number;
  amount: number;
}

export interface SalesReport {
  from: string;
  to: string;
  days: DaySales[];
  products: ProductSales[];
  quantity: number;
  amount: number;
}

function byProduct(sales: Entry[]): ProductSales[] {
  const out = new Map<string, ProductSales>();
  for (const e of sales) {
    const key = e.productId ?? '';
    const p = out.get(key) ?? { productId: key, name: e.name ?? '', quantity: 0, amount: 0, notaNumbers: [] };
    p.quantity += e.quantity ?? 0;
    p.amount += e.amount;
    if (e.notaNumber && !p.notaNumbers.includes(e.notaNumber)) p.notaNumbers.push(e.notaNumber);
    out.set(key, p);
  }
  return [...out.values()].sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
}

const totals = (ps: ProductSales[]) => ({
  quantity: ps.reduce((s, p) => s + p.quantity, 0),
  amount: ps.reduce((s, p) => s + p.amount, 0),
});

/**
 * What sold, per product and per Jakarta day in [from, to] (inclusive), at the price the shopper
 * paid. A sale refunded before handover did not sell and is left out. Only the seller's own lines:
 * nothing about who bought.
 */
export function salesReport(a: Account, from: string, to: string): SalesReport {
  const refunded = new Set(a.entries.filter((e) => e.kind === 'refund').map((e) => e.orderId));
  const sales = a.entries.filter((e) => {
    if (e.kind !== 'sale' || refunded.has(e.orderId)) return false;
    const day = jakartaDay(e.at);
    return day >= from && day <= to;
  });
  const days = new Map<string, Entry[]>();
  for (const e of sales) {
    const day = jakartaDay(e.at);
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  const dayList = [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, es]) => {
      const products = byProduct(es);
      return { date, products, ...totals(products) };
    });
  const products = byProduct(sales);
  return { from, to, days: dayList, products, ...totals(products) };
}
