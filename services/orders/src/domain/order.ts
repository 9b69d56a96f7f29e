import { ORDER_STATUSES, type OrderStatus } from '@pasar/contracts';
import type { OrderBuyerLimits } from './buyer-limit';
import type { CooperativeId, PaymentMethod, StockRejectionReason, Unit } from './types';
import { cannotCancel, invalidTransition } from './errors';

export { ORDER_STATUSES, type OrderStatus };

export interface OrderLine {
  productId: string;
  sellerId: string;
  name: string;
  unit: Unit;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  maxPerOrder: number | null;
  /** The unit price was the HET; absent on lines ordered before subsidised goods (read as false). */
  het?: boolean;
}

export interface Address {
  street: string;
  rt_rw?: string;
  kelurahan: string;
  kecamatan: string;
  city: string;
  postalCode?: string;
  notes?: string;
}

export type Fulfilment = { method: 'pickup' } | { method: 'delivery'; address: Address };

export interface Contact {
  name: string;
  /** Normalised to +62… */
  phone: string;
  /** For notification mails, when the shopper gave one; never logged, never in events or views. */
  email?: string;
}

export interface TimelineEntry {
  status: OrderStatus;
  at: Date;
  note?: string;
  /** Who moved the order, for staff steps: the staff member's role (never a name or id of the shopper). */
  by?: StaffRole;
}

/** The cooperative roles that work orders, as the timeline names them. */
export type StaffRole = 'pengurus' | 'kasir' | 'gudang';

/** How a completed order was handed over (OrderCompleted.handover). */
export type HandoverMethod = 'pickup_code' | 'courier_code' | 'courier_note';

/** The payment attempt payments opened for the order (the latest one wins). */
export interface PaymentSession {
  paymentId: string;
  provider: 'cash' | 'midtrans' | 'stripe';
  /** The provider's hosted payment page; null for cash. */
  redirectUrl: string | null;
  /** When payments opened it (its event time): a newer session replaces an older one. */
  openedAt: Date;
}

/** Money going back to the shopper; never changes the order's status. */
export interface Refund {
  status: 'pending' | 'refunded';
  amount: number;
  /** How it is (or was) paid back: the provider's refund API, or a staff member's transfer. */
  via: 'provider' | 'manual' | null;
  reason: 'order_cancelled' | 'paid_after_expiry' | 'paid_after_cancel';
  at: Date;
}

/** Why an order was cancelled, as a code the storefront words for the shopper. */
export type CancelReason = 'shopper' | 'staff' | 'payment_failed';

export interface Rejection {
  reason: StockRejectionReason;
  productId: string;
  productName?: string;
  requested: number;
  available: number;
}

/** The order aggregate. Personal data (contact, address) lives here and nowhere else: never in events or logs. */
export interface Order {
  id: string;
  cooperativeId: CooperativeId;
  status: OrderStatus;
  lines: OrderLine[];
  subtotal: number;
  deliveryFee: number;
  total: number;
  fulfilment: Fulfilment;
  contact: Contact;
  paymentMethod: PaymentMethod;
  note: string | null;
  pickupCode: string | null;
  /** `KRB-2026-000123`, given at placement (domain/nota.ts); null for orders placed before nota numbers. */
  notaNumber: string | null;
  /** Set with COMPLETED: how the goods reached the shopper. */
  handover: HandoverMethod | null;
  /** Cash orders, set with COMPLETED: what the kasir (or courier) took, and the change given back. */
  cashReceived: number | null;
  change: number | null;
  rejection: Rejection | null;
  /** Set with CANCELLED; null otherwise (and for orders cancelled before it was recorded). */
  cancelReason: CancelReason | null;
  payment: PaymentSession | null;
  refund: Refund | null;
  timeline: TimelineEntry[];
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
  /** Bumped by every transition: the live stream watches it. */
  version: number;
  idempotencyKey: string;
  cartId: string;
  /** SHA-256 (hex) of the access tokens handed out; the tokens themselves are never stored. */
  tokenHashes: string[];
  correlationId: string;
  /**
   * The signed-in buyer ("Pesanan saya"), from a verified access token at placement; null for a
   * guest. Never taken from the request body.
   */
  buyerPersonId: string | null;
  /** Subsidised goods: the NIK's keyed hash and the units claimed (absent without limited goods). */
  buyerLimits?: OrderBuyerLimits | null;
}

/** What happens to an order, and from which states it may happen. */
export type OrderCommand =
  | 'reserveStock'
  | 'rejectStock'
  | 'receivePayment'
  | 'failPayment'
  | 'expirePayment'
  | 'cancel'
  | 'expire'
  | 'pack'
  | 'markReady'
  | 'sendOut'
  | 'handOver'
  | 'deliver'
  | 'staffCancel';

/** The shopper may cancel until the cooperative starts packing. */
export const CANCELLABLE: readonly OrderStatus[] = ['PLACED', 'AWAITING_PAYMENT', 'CONFIRMED', 'PAID'];
export const FINAL: readonly OrderStatus[] = ['COMPLETED', 'REJECTED', 'CANCELLED', 'EXPIRED'];
/** Not confirmed yet: these expire when their time is up. */
export const AWAITING_CONFIRMATION: readonly OrderStatus[] = ['PLACED', 'AWAITING_PAYMENT'];
/** The cooperative may cancel until the goods are handed over. */
export const STAFF_CANCELLABLE: readonly OrderStatus[] = [
  'PLACED',
  'AWAITING_PAYMENT',
  'CONFIRMED',
  'PAID',
  'PACKED',
  'READY_FOR_PICKUP',
  'OUT_FOR_DELIVERY',
];

interface Rule {
  from: readonly OrderStatus[];
  to: (order: Pick<Order, 'paymentMethod'>) => OrderStatus;
  /** Only for orders fulfilled this way (a pickup order is never out for delivery). */
  fulfilment?: Fulfilment['method'];
}

const RULES: Record<OrderCommand, Rule> = {
  // Cash is paid at pickup or delivery ("bayar di tempat"): held stock is enough to confirm.
  reserveStock: {
    from: ['PLACED'],
    to: (o) => (paysOnCollection(o.paymentMethod) ? 'CONFIRMED' : 'AWAITING_PAYMENT'),
  },
  rejectStock: { from: ['PLACED'], to: () => 'REJECTED' },
  receivePayment: { from: ['AWAITING_PAYMENT'], to: () => 'PAID' },
  // The provider refused the payment (declined card, denied by fraud checks): the order ends.
  failPayment: { from: ['AWAITING_PAYMENT'], to: () => 'CANCELLED' },
  // The provider's transaction ran out of time: no deadline check, the provider is the truth about it.
  expirePayment: { from: ['AWAITING_PAYMENT'], to: () => 'EXPIRED' },
  cancel: { from: CANCELLABLE, to: () => 'CANCELLED' },
  expire: { from: AWAITING_CONFIRMATION, to: () => 'EXPIRED' },
  pack: { from: ['CONFIRMED', 'PAID'], to: () => 'PACKED' },
  markReady: { from: ['PACKED'], to: () => 'READY_FOR_PICKUP', fulfilment: 'pickup' },
  sendOut: { from: ['PACKED'], to: () => 'OUT_FOR_DELIVERY', fulfilment: 'delivery' },
  // At the outlet, with the shopper's pickup code.
  handOver: { from: ['READY_FOR_PICKUP'], to: () => 'COMPLETED' },
  // By the courier, with the pickup code or a note.
  deliver: { from: ['OUT_FOR_DELIVERY'], to: () => 'COMPLETED' },
  staffCancel: { from: STAFF_CANCELLABLE, to: () => 'CANCELLED' },
};

export interface Transition {
  command: OrderCommand;
  /** The guard of the single-document update: the states this transition is valid from. */
  from: readonly OrderStatus[];
  to: OrderStatus;
}

type TransitionFacts = Pick<Order, 'status' | 'paymentMethod' | 'expiresAt'> & {
  fulfilment: Pick<Fulfilment, 'method'>;
};

/** Decides a transition, or throws ORDER.INVALID_TRANSITION (409). Pure: the caller writes it, guarded by `from`. */
export function transition(
  order: TransitionFacts,
  command: OrderCommand,
  now: Date = new Date(),
): Transition {
  const rule = RULES[command];
  if (!rule.from.includes(order.status)) {
    throw invalidTransition(`Cannot ${command} an order that is ${order.status}`, {
      status: order.status,
      command,
    });
  }
  if (rule.fulfilment && order.fulfilment.method !== rule.fulfilment) {
    throw invalidTransition(`Cannot ${command} a ${order.fulfilment.method} order`, {
      status: order.status,
      command,
      fulfilment: order.fulfilment.method,
    });
  }
  if (command === 'expire' && now.getTime() < order.expiresAt.getTime()) {
    throw invalidTransition('Cannot expire an order before its expiry time', {
      status: order.status,
      command,
    });
  }
  return { command, from: rule.from, to: rule.to(order) };
}

/** The shopper's cancel: the same rule, told in the words of the API (409 ORDER.CANNOT_CANCEL). */
export function cancelTransition(order: TransitionFacts): Transition {
  if (!canCancel(order.status)) {
    throw cannotCancel(order.status, FINAL.includes(order.status));
  }
  return transition(order, 'cancel');
}

export function canCancel(status: OrderStatus): boolean {
  return CANCELLABLE.includes(status);
}

export function awaitsConfirmation(status: OrderStatus): boolean {
  return AWAITING_CONFIRMATION.includes(status);
}

export function isFinal(status: OrderStatus): boolean {
  return FINAL.includes(status);
}

/** The handover code is issued once the order is confirmed (cash) or paid (online). */
export function issuesPickupCode(to: OrderStatus): boolean {
  return to === 'CONFIRMED' || to === 'PAID';
}

/** Cash is collected at pickup or on delivery; every other method is paid online first. */
export function paysOnCollection(method: PaymentMethod): boolean {
  return method === 'cash';
}
