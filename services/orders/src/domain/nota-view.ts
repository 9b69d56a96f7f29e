import type { Cooperative } from './catalog';
import { jakartaDay } from './jakarta-time';
import type { Order, OrderStatus } from './order';
import type { PaymentMethod, Unit } from './types';

/**
 * What a nota shows: the cooperative, the number and date, the lines and the money. Of the
 * shopper only the name (no phone, no address, never a NIK).
 */
export interface NotaView {
  notaNumber: string | null;
  orderId: string;
  cooperative: { name: string; marketName: string | null; address: string | null };
  /** `YYYY-MM-DD` in Asia/Jakarta, of the placement. */
  date: string;
  /** The placement instant (ISO), for a time of day on the receipt. */
  placedAt: string;
  buyerName: string;
  fulfilment: 'pickup' | 'delivery';
  /** `het`: the price is the government's highest retail price (subsidised goods), printed as such. */
  lines: { name: string; unit: Unit; quantity: number; unitPrice: number; lineTotal: number; het: boolean }[];
  subtotal: number;
  deliveryFee: number;
  total: number;
  paymentMethod: PaymentMethod;
  cashReceived: number | null;
  change: number | null;
  status: OrderStatus;
}

export function toNotaView(order: Order, cooperative: Cooperative | undefined): NotaView {
  return {
    notaNumber: order.notaNumber,
    orderId: order.id,
    cooperative: {
      name: cooperative?.name ?? order.cooperativeId,
      marketName: cooperative?.marketName ?? null,
      address: cooperative?.outletAddress ?? null,
    },
    date: jakartaDay(order.createdAt),
    placedAt: order.createdAt.toISOString(),
    buyerName: order.contact.name,
    fulfilment: order.fulfilment.method,
    lines: order.lines.map((l) => ({
      name: l.name,
      unit: l.unit,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      lineTotal: l.lineTotal,
      het: l.het === true,
    })),
    subtotal: order.subtotal,
    deliveryFee: order.deliveryFee,
    total: order.total,
    paymentMethod: order.paymentMethod,
    cashReceived: order.cashReceived,
    change: order.change,
    status: order.status,
  };
}

/** `nota-KRB-2026-000123.pdf` (the internal id for an order from before nota numbers). */
export function notaFileName(nota: Pick<NotaView, 'notaNumber' | 'orderId'>): string {
  return `nota-${nota.notaNumber ?? nota.orderId}.pdf`;
}
