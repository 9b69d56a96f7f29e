import { cannotModify, MidtransFailure } from './errors';

export const ENABLED_PAYMENTS = [
  'qris',
  'gopay',
  'shopeepay',
  'bca_va',
  'bni_va',
  'bri_va',
  'permata_va',
  'other_va',
  'bank_transfer',
] as const;
export type EnabledPayment = (typeof ENABLED_PAYMENTS)[number];

/** A method the shopper can pick on the page: the e-wallets, QRIS, or one bank's VA. */
export const METHODS = ['qris', 'gopay', 'shopeepay', 'bca_va', 'bni_va', 'bri_va', 'permata_va'] as const;
export type Method = (typeof METHODS)[number];
export type PaymentType = 'qris' | 'gopay' | 'shopeepay' | 'bank_transfer';
export type Bank = 'bca' | 'bni' | 'bri' | 'permata';

/** `unchosen`: Snap knows the order but no method was picked, so the Core API does not know it yet. */
export type TxnStatus =
  | 'unchosen'
  | 'pending'
  | 'settlement'
  | 'deny'
  | 'failure'
  | 'expire'
  | 'cancel'
  | 'refund'
  | 'partial_refund';

export interface Item {
  id?: string;
  name?: string;
  price: number;
  quantity: number;
}

export interface Refund {
  refundKey: string;
  chargebackId: number;
  amount: number;
  reason?: string;
  at: Date;
}

export interface Transaction {
  orderId: string;
  token: string;
  transactionId: string;
  grossAmount: number;
  /** Set by /_sandbox/…/tamper: what the status API reports instead of grossAmount. */
  reportedAmount?: number;
  items: Item[];
  methods: Method[];
  finishUrl?: string;
  customer?: Record<string, unknown>;
  /** X-Override-Notification (replaces the default URL) and X-Append-Notification (adds to it). */
  overrideUrls?: string[];
  appendUrls: string[];
  status: TxnStatus;
  paymentType?: PaymentType;
  bank?: Bank;
  vaNumber?: string;
  createdAt: Date;
  expiresAt: Date;
  transactionTime?: Date;
  settlementTime?: Date;
  refunds: Refund[];
}

/** Midtrans' status_code for each transaction status. */
export function statusCodeOf(status: TxnStatus): string {
  switch (status) {
    case 'pending':
      return '201';
    case 'deny':
    case 'failure':
      return '202';
    case 'expire':
      return '407';
    case 'unchosen':
      return '404';
    default:
      return '200';
  }
}

/** Expands enabled_payments (none = everything) into the methods the page offers. */
export function methodsFor(enabled: EnabledPayment[] | undefined): Method[] {
  if (!enabled || enabled.length === 0) return [...METHODS];
  const out = new Set<Method>();
  for (const p of enabled) {
    if (p === 'bank_transfer')
      for (const m of ['bca_va', 'bni_va', 'bri_va', 'permata_va'] as const) out.add(m);
    else if (p === 'other_va')
      out.add('permata_va'); // Midtrans routes "other VA" (ATM Bersama/Prima/Alto) through Permata
    else out.add(p);
  }
  return METHODS.filter((m) => out.has(m));
}

export function methodOf(paymentType: PaymentType, bank?: Bank): Method {
  if (paymentType !== 'bank_transfer') return paymentType;
  if (!bank) throw new MidtransFailure('400', 'bank is required for bank_transfer');
  return `${bank}_va`;
}

export function isEwallet(t: Transaction): boolean {
  return t.paymentType === 'qris' || t.paymentType === 'gopay' || t.paymentType === 'shopeepay';
}

export function refunded(t: Transaction): number {
  return t.refunds.reduce((n, r) => n + r.amount, 0);
}

// Pure transitions: each returns the new status or throws the 412 Midtrans answers.

export function choose(t: Transaction, method: Method): void {
  if (t.status !== 'unchosen') throw cannotModify();
  if (!t.methods.includes(method))
    throw new MidtransFailure('400', `payment method ${method} is not enabled for this transaction`);
}

export function settle(t: Transaction): TxnStatus {
  if (t.status !== 'pending') throw cannotModify();
  return 'settlement';
}

export function fail(t: Transaction): TxnStatus {
  if (t.status !== 'pending') throw cannotModify();
  return isEwallet(t) ? 'deny' : 'failure';
}

export function expire(t: Transaction): TxnStatus {
  if (t.status !== 'pending' && t.status !== 'unchosen') throw cannotModify();
  return 'expire';
}

export function cancel(t: Transaction): TxnStatus {
  if (t.status !== 'pending') throw cannotModify();
  return 'cancel';
}

/** Checks a new refund (not a replay of a known refund_key) and returns the status after it. */
export function refund(t: Transaction, amount: number): TxnStatus {
  if (t.status !== 'settlement' && t.status !== 'partial_refund') throw cannotModify();
  if (!isEwallet(t)) throw cannotModify(); // bank VA cannot be refunded through the API
  if (!Number.isInteger(amount) || amount <= 0)
    throw new MidtransFailure('400', 'refund amount must be a positive integer');
  const left = t.grossAmount - refunded(t);
  if (amount > left)
    throw new MidtransFailure('412', `Refund amount ${amount} is greater than the remaining amount ${left}`);
  return amount === left ? 'refund' : 'partial_refund';
}
