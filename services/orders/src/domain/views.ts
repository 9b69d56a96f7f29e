import type { Cart, PricedLine } from './cart';
import { sumLines } from './cart';
import {
  type CancelReason,
  canCancel,
  type Fulfilment,
  type HandoverMethod,
  type Order,
  type OrderStatus,
  type PaymentSession,
  type Refund,
  type Rejection,
  type StaffRole,
} from './order';
import type { PaymentMethod, Unit } from './types';
// A pure function of the order (no I/O): the message text lives with the other notifications.
import { staffWhatsAppUrl } from '../notifications/whatsapp-link';

/** A line as the shopper sees it (the seller stays internal). */
export interface LineView {
  productId: string;
  name: string;
  unit: Unit;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  maxPerOrder: number | null;
  /** Always set (false for ordinary goods); optional in the document for older clients. */
  het?: boolean;
}

export interface CartView {
  id: string;
  cooperativeId: string;
  lines: LineView[];
  subtotal: number;
  itemCount: number;
  updatedAt: string;
}

export interface OrderView {
  id: string;
  /** The human number (`KRB-2026-000123`) the shopper sees instead of `id`; null for older orders. */
  notaNumber: string | null;
  cooperativeId: string;
  status: OrderStatus;
  lines: LineView[];
  subtotal: number;
  deliveryFee: number;
  total: number;
  fulfilment: Fulfilment;
  contact: { name: string; phone: string };
  paymentMethod: PaymentMethod;
  pickupCode: string | null;
  expiresAt: string;
  createdAt: string;
  rejection: Rejection | null;
  cancelReason: CancelReason | null;
  payment: PaymentView | null;
  refund: RefundView | null;
  timeline: TimelineEntryView[];
  canCancel: boolean;
  /** Fulfilment, set with COMPLETED (null before): how it was handed over, cash taken and change given. */
  handover: HandoverMethod | null;
  cashReceived: number | null;
  change: number | null;
}

/** `by`: the role of the staff member who took the step (absent for the shopper's and the system's). */
export interface TimelineEntryView {
  status: OrderStatus;
  at: string;
  note?: string;
  by?: StaffRole;
}

/** Where and until when the shopper pays (no internal ids). */
export interface PaymentView {
  provider: PaymentSession['provider'];
  /** The hosted payment page while the order awaits payment; null otherwise (and for cash). */
  redirectUrl: string | null;
  /** Pay before this (= expiresAt): then the order expires. */
  deadline: string;
}

export interface RefundView {
  status: Refund['status'];
  amount: number;
  via: Refund['via'];
  reason: Refund['reason'];
  at: string;
}

function paymentView(order: Order): PaymentView | null {
  if (!order.payment) return null;
  return {
    provider: order.payment.provider,
    redirectUrl: order.status === 'AWAITING_PAYMENT' ? order.payment.redirectUrl : null,
    deadline: order.expiresAt.toISOString(),
  };
}

function refundView(refund: Refund | null): RefundView | null {
  if (!refund) return null;
  return {
    status: refund.status,
    amount: refund.amount,
    via: refund.via,
    reason: refund.reason,
    at: refund.at.toISOString(),
  };
}

function lineView(l: Omit<PricedLine, 'het'> & { het?: boolean }): LineView {
  return {
    productId: l.productId,
    name: l.name,
    unit: l.unit,
    unitPrice: l.unitPrice,
    quantity: l.quantity,
    lineTotal: l.lineTotal,
    maxPerOrder: l.maxPerOrder,
    het: l.het ?? false,
  };
}

export function toCartView(cart: Cart, lines: PricedLine[]): CartView {
  return {
    id: cart.id,
    cooperativeId: cart.cooperativeId,
    lines: lines.map(lineView),
    subtotal: sumLines(lines),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    updatedAt: cart.updatedAt.toISOString(),
  };
}

/** The agreed OrderView (see the HTTP API contract): what the shopper holding the order's token sees. */
export function toOrderView(order: Order): OrderView {
  return {
    id: order.id,
    notaNumber: order.notaNumber,
    cooperativeId: order.cooperativeId,
    status: order.status,
    lines: order.lines.map(lineView),
    subtotal: order.subtotal,
    deliveryFee: order.deliveryFee,
    total: order.total,
    fulfilment: order.fulfilment,
    contact: { name: order.contact.name, phone: order.contact.phone },
    paymentMethod: order.paymentMethod,
    pickupCode: order.pickupCode,
    expiresAt: order.expiresAt.toISOString(),
    createdAt: order.createdAt.toISOString(),
    rejection: order.rejection,
    cancelReason: order.status === 'CANCELLED' ? order.cancelReason : null,
    payment: paymentView(order),
    refund: refundView(order.refund),
    timeline: order.timeline.map((t) => ({
      status: t.status,
      at: t.at.toISOString(),
      ...(t.note ? { note: t.note } : {}),
      ...(t.by ? { by: t.by } : {}),
    })),
    canCancel: canCancel(order.status),
    handover: order.handover,
    cashReceived: order.cashReceived,
    change: order.change,
  };
}

/** What staff of the order's cooperative see: the shopper's view plus the shopper's note and the payment's id. */
export interface StaffOrderView extends OrderView {
  note: string | null;
  updatedAt: string;
  /** payments' id of the latest payment attempt, to look it up there (reconciliation, refunds). */
  paymentId: string | null;
  /** wa.me link with the message the order's state calls for (ready, on its way, cancelled, refunded), or null. */
  whatsappUrl: string | null;
}

export function toStaffOrderView(order: Order): StaffOrderView {
  return {
    ...toOrderView(order),
    note: order.note,
    updatedAt: order.updatedAt.toISOString(),
    paymentId: order.payment?.paymentId ?? null,
    whatsappUrl: staffWhatsAppUrl(order),
  };
}
