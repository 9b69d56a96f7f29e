import { describe, expect, it } from 'vitest';
import {
  type Account,
  emptyAccount,
  recordPayout,
  recordSale,
  refundSale,
  type SaleLine,
  settleOrder,
  summarise,
} from './account';

const AT = new Date('2026-11-10T03:00:00Z');
const line = (lineTotal: number, commission: number, n = 0): SaleLine => ({
  line: n,
  productId: `p${n}`,
  name: `Produk ${n}`,
  quantity: 1,
  lineTotal,
  commissionBps: 1000,
  commission,
});
const sold = (a: Account, orderId: string, ...lines: SaleLine[]) =>
  recordSale(a, { orderId, at: AT, notaNumber: null, lines }).account;
const payout = (a: Account, amount: number, payoutId = `po${amount}`) =>
  recordPayout(a, {
    payoutId,
    amount,
    method: 'cash',
    receiptNumber: 'KW-1',
    note: '',
    recordedBy: 'per_b',
    at: AT,
  });

const empty = emptyAccount('karangbesuki', 'mbr_kb_sri');
const pendingSale = sold(empty, 'o1', line(30_000, 3_000));
const settledSale = settleOrder(pendingSale, 'o1', 'KB-1').account;

describe('the account in each state', () => {
  it.each([
    ['empty', empty, { balance: 0, pending: 0, availableForPayout: 0 }],
    ['a sale not handed over', pendingSale, { balance: 27_000, pending: 27_000, availableForPayout: 0 }],
    ['a sale handed over', settledSale, { balance: 27_000, pending: 0, availableForPayout: 27_000 }],
    [
      'a pending sale refunded',
      refundSale(pendingSale, { orderId: 'o1', at: AT }).account,
      { balance: 0, pending: 0, availableForPayout: 0 },
    ],
    [
      'a settled sale and a payout',
      payout(settledSale, 7_000).account as Account,
      { balance: 20_000, pending: 0, availableForPayout: 20_000 },
    ],
    [
      'a settled and a pending sale',
      sold(settledSale, 'o2', line(10_000, 1_000)),
      { balance: 36_000, pending: 9_000, availableForPayout: 27_000 },
    ],
  ])('%s', (_, account, expected) => {
    expect(summarise(account)).toMatchObject(expected);
  });
});

describe('each fact applied twice changes nothing the second time', () => {
  it.each([
    [
      'sale',
      (a: Account) =>
        recordSale(a, { orderId: 'o1', at: AT, notaNumber: null, lines: [line(30_000, 3_000)] }),
    ],
    ['refund', (a: Account) => refundSale(a, { orderId: 'o1', at: AT })],
    ['settlement', (a: Account) => settleOrder(a, 'o1', 'KB-1')],
  ])('%s', (_, apply) => {
    const once = apply(pendingSale).account;
    const twice = apply(once);
    expect(twice.changed).toBe(false);
    expect(twice.account).toEqual(once);
  });
});

describe('refunds', () => {
  it('undoes a pending sale line by line: the sale off, the commission back', () => {
    const a = refundSale(pendingSale, { orderId: 'o1', at: AT }).account;
    expect(a.entries.map((e) => [e.kind, e.amount])).toEqual([
      ['sale', 30_000],
      ['commission', -3_000],
      ['refund', -30_000],
      ['commission_reversal', 3_000],
    ]);
  });

  it('after handover only records an anomaly for the bendahara, once; the balance stays', () => {
    const first = refundSale(settledSale, { orderId: 'o1', at: AT });
    expect(first.result).toBe('anomaly');
    expect(first.account.anomalies).toEqual([
      { kind: 'refund_after_handover', orderId: 'o1', notaNumber: 'KB-1', amount: 27_000, at: AT },
    ]);
    expect(summarise(first.account).balance).toBe(27_000);
    expect(refundSale(first.account, { orderId: 'o1', at: AT }).changed).toBe(false);
  });

  it('of an order with no consignment sale does nothing', () => {
    expect(refundSale(empty, { orderId: 'o9', at: AT })).toMatchObject({ changed: false, result: 'none' });
  });
});

describe('payouts', () => {
  it.each([
    [27_000, 'recorded'],
    [1, 'recorded'],
  ])('of Rp %i out of Rp 27.000 available is %s', (amount, expected) => {
    expect(payout(settledSale, amount).result).toBe(expected);
  });

  it.each([
    ['above what is available', settledSale, 27_001],
    ['of money still pending', pendingSale, 1],
    ['of zero', settledSale, 0],
    ['of a fraction', settledSale, 10.5],
  ])('is refused %s', (_, account, amount) => {
    expect(() => payout(account, amount)).toThrow(
      expect.objectContaining({ code: 'CONSIGNMENT.PAYOUT_EXCEEDS_AVAILABLE', status: 409 }),
    );
  });

  it('with the same payout id is a replay, not a second payout', () => {
    const paid = payout(settledSale, 5_000, 'po-x').account;
    const again = payout(paid, 5_000, 'po-x');
    expect(again.changed).toBe(false);
    expect(again.result).toMatchObject({ duplicate: { id: 'payout:po-x', amount: -5_000 } });
  });
});

it('settlement gives every line of the order its nota number', () => {
  const a = settleOrder(pendingSale, 'o1', 'KB-20261110-0001').account;
  expect(a.entries.every((e) => e.notaNumber === 'KB-20261110-0001')).toBe(true);
  expect(a.orders).toEqual([{ orderId: 'o1', state: 'settled' }]);
});
