import type { PaymentMethod } from '@pasar/contracts';

/**
 * PENDING_COLLECTION: cash to collect at pickup or delivery ("bayar di tempat").
 * AWAITING_PROVIDER: an online method whose provider is not configured yet; nothing was charged.
 * VOIDED: the order was cancelled or expired before any money moved.
 * (Online sessions, success, failure and refunds arrive with the online-payments issue.)
 */
export const PAYMENT_STATUSES = ['PENDING_COLLECTION', 'AWAITING_PROVIDER', 'VOIDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export type Provider = 'cash' | 'midtrans' | 'stripe';

/** Statuses in which no money has moved, so cancelling the order just voids the attempt. */
export const VOIDABLE_STATUSES: readonly PaymentStatus[] = ['PENDING_COLLECTION', 'AWAITING_PROVIDER'];

export interface Payment {
  paymentId: string;
  orderId: string;
  /** 1 for the first attempt of an order; a retry after a failed online payment is attempt 2. */
  attempt: number;
  cooperativeId: string;
  provider: Provider;
  paymentMethod: PaymentMethod;
  /** Whole rupiah. */
  amount: number;
  status: PaymentStatus;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
  voidReason: string | null;
}

export interface PaymentPlan {
  provider: Provider;
  status: PaymentStatus;
}

/** QRIS, e-wallets and VA go through Midtrans; cards through Stripe; cash is collected by staff. */
const PROVIDER_OF: Record<PaymentMethod, Provider> = {
  cash: 'cash',
  qris: 'midtrans',
  gopay: 'midtrans',
  shopeepay: 'midtrans',
  bank_transfer: 'midtrans',
  card: 'stripe',
};

/**
 * How a requested payment starts. Cash needs no provider: it is pending collection at once.
 * Online methods wait for their provider adapter (a later issue) instead of pretending to succeed.
 */
export function planPayment(method: PaymentMethod): PaymentPlan {
  const provider = PROVIDER_OF[method];
  return provider === 'cash'
    ? { provider, status: 'PENDING_COLLECTION' }
    : { provider, status: 'AWAITING_PROVIDER' };
}

export interface PaymentView {
  orderId: string;
  paymentId: string;
  attempt: number;
  provider: Provider;
  paymentMethod: PaymentMethod;
  amount: number;
  status: PaymentStatus;
  createdAt: string;
}

export function toPaymentView(p: Payment): PaymentView {
  return {
    orderId: p.orderId,
    paymentId: p.paymentId,
    attempt: p.attempt,
    provider: p.provider,
    paymentMethod: p.paymentMethod,
    amount: p.amount,
    status: p.status,
    createdAt: p.createdAt.toISOString(),
  };
}
