import { z } from 'zod';
import { answerSchema } from './contract.server';
import { callService, serviceUrl } from './http.server';
import type { FulfilmentExtras } from './fulfilment';
import type { OrderView, StaffOrderView } from './views';

/**
 * Orders' fulfilment API for the cooperative's staff (pack → ready/out for delivery → complete, the
 * queue, the live stream, the nota). Being built in the orders service right now: until
 * `pnpm --filter @pasar/web gen:api` picks it up, the answers are described here by hand with zod and
 * checked like every other answer (outside this shape → 503). Every call carries the person's orders token.
 */
const coopOrders = (cooperativeId: string) => `/cooperatives/${encodeURIComponent(cooperativeId)}/orders`;
const coopOrder = (cooperativeId: string, orderId: string) =>
  `${coopOrders(cooperativeId)}/${encodeURIComponent(orderId)}`;

/** What the staff view gains with fulfilment; optional so today's orders service still parses. */
export const FulfilmentFieldsSchema: z.ZodType<FulfilmentExtras> = z.object({
  notaNumber: z.string().nullable().optional(),
  cashReceived: z.number().int().nullable().optional(),
  change: z.number().int().nullable().optional(),
  whatsappUrl: z.string().nullable().optional(),
});
export type StaffOrderWithFulfilment = StaffOrderView & FulfilmentExtras;
export type ShopperOrderWithFulfilment = OrderView & FulfilmentExtras;

const staffOrderSchema = (): z.ZodType<StaffOrderWithFulfilment> =>
  z.intersection(
    answerSchema('orders', 'get', '/cooperatives/{cooperativeId}/orders/{orderId}'),
    FulfilmentFieldsSchema,
  ) as z.ZodType<StaffOrderWithFulfilment>;

/** One order of the cooperative with its nota number, cash and WhatsApp link (when orders gives them). */
export function getStaffOrder(
  token: string,
  cooperativeId: string,
  orderId: string,
): Promise<StaffOrderWithFulfilment> {
  return callService('orders', coopOrder(cooperativeId, orderId), { token, schema: staffOrderSchema() });
}

export const STAFF_ACTIONS = ['pack', 'ready', 'out-for-delivery', 'complete', 'cancel'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export interface CompleteBody {
  pickupCode?: string;
  note?: string;
  cashReceived?: number;
}

/** Completing is a handover at the outlet (pickup code) or the courier's delivery (code or note). */
function pathOf(action: StaffAction, fulfilment: 'pickup' | 'delivery'): string {
  if (action !== 'complete') return action;
  return fulfilment === 'delivery' ? 'deliver' : 'hand-over';
}

/**
 * One step of the order: ApiError ORDER.INVALID_TRANSITION (409) when the order is not there (any more),
 * 409/422 for a wrong pickup code, 429 (Retry-After) after too many wrong codes, 403 for a role that may not.
 */
export function runStaffAction(
  token: string,
  cooperativeId: string,
  orderId: string,
  action: StaffAction,
  body: CompleteBody | { reason: string } | Record<string, never> = {},
  fulfilment: 'pickup' | 'delivery' = 'pickup',
): Promise<StaffOrderWithFulfilment> {
  return callService('orders', `${coopOrder(cooperativeId, orderId)}/${pathOf(action, fulfilment)}`, {
    method: 'POST',
    token,
    // /pack documents no body; the new steps take JSON ({} when there is nothing to say).
    body: action === 'pack' ? undefined : body,
    schema: staffOrderSchema(),
  });
}

// ---- the queue ----

export const QUEUE_COLUMNS = [
  'new',
  'toPack',
  'packed',
  'readyForPickup',
  'outForDelivery',
  'completed',
  'problems',
] as const;
export type QueueColumnKey = (typeof QUEUE_COLUMNS)[number];

/**
 * The service's column keys, loosely: "toPack", "to_pack", "TO-PACK" are one column. The one place that
 * maps them; an unknown column is dropped (and logged) rather than breaking the page.
 */
const COLUMN_ALIASES: Record<string, QueueColumnKey> = {
  new: 'new',
  placed: 'new',
  topack: 'toPack',
  packing: 'toPack',
  packed: 'packed',
  readyforpickup: 'readyForPickup',
  ready: 'readyForPickup',
  outfordelivery: 'outForDelivery',
  delivering: 'outForDelivery',
  completed: 'completed',
  done: 'completed',
  problems: 'problems',
  problem: 'problems',
  issues: 'problems',
};
export function columnKeyOf(raw: string): QueueColumnKey | null {
  return COLUMN_ALIASES[raw.toLowerCase().replace(/[^a-z]/g, '')] ?? null;
}

/** A staff order summary: only what the queue shows, read tolerantly (the full view also fits). */
const QueueOrderSchema = z.object({
  id: z.string(),
  notaNumber: z.string().nullable().optional(),
  status: z.string(),
  createdAt: z.string(),
  total: z.number().int(),
  paymentMethod: z.string().optional(),
  fulfilment: z.union([z.object({ method: z.enum(['pickup', 'delivery']) }), z.enum(['pickup', 'delivery'])]),
  contact: z.object({ name: z.string() }).optional(),
  customerName: z.string().optional(),
  itemCount: z.number().int().optional(),
  lines: z.array(z.object({ quantity: z.number().int() })).optional(),
});
const QueueSchema = z.object({
  day: z.string(),
  columns: z.array(
    z.object({ key: z.string(), count: z.number().int().min(0), orders: z.array(QueueOrderSchema) }),
  ),
});

export interface QueueOrder {
  id: string;
  notaNumber: string | null;
  status: string;
  createdAt: string;
  total: number;
  paymentMethod: string | null;
  fulfilment: 'pickup' | 'delivery';
  customer: string;
  itemCount: number | null;
}
export interface QueueColumn {
  key: QueueColumnKey;
  count: number;
  orders: QueueOrder[];
}
export interface Queue {
  day: string;
  columns: QueueColumn[];
}

function summaryOf(o: z.infer<typeof QueueOrderSchema>): QueueOrder {
  return {
    id: o.id,
    notaNumber: o.notaNumber ?? null,
    status: o.status,
    createdAt: o.createdAt,
    total: o.total,
    paymentMethod: o.paymentMethod ?? null,
    fulfilment: typeof o.fulfilment === 'string' ? o.fulfilment : o.fulfilment.method,
    customer: o.contact?.name ?? o.customerName ?? '',
    itemCount: o.itemCount ?? o.lines?.reduce((sum, l) => sum + l.quantity, 0) ?? null,
  };
}

/** The day's queue: every column in our order (a missing one is empty), each newest first. */
export async function getOrderQueue(
  token: string,
  cooperativeId: string,
  query: { day: string; fulfilment?: 'pickup' | 'delivery' },
): Promise<Queue> {
  const answer = await callService('orders', `${coopOrders(cooperativeId)}/queue`, {
    token,
    query,
    schema: QueueSchema,
  });
  const byKey = new Map<QueueColumnKey, QueueColumn>();
  for (const column of answer.columns) {
    const key = columnKeyOf(column.key);
    if (!key) {
      console.error(`[web] orders queue: unknown column ${JSON.stringify(column.key)} ignored`);
      continue;
    }
    // Columns that map to one key (spellings of the same column) add up rather than replace each other.
    const prior = byKey.get(key);
    const orders = [...(prior?.orders ?? []), ...column.orders.map(summaryOf)].sort((a, b) =>
      b.createdAt.localeCompare(a.createdAt),
    );
    byKey.set(key, { key, count: (prior?.count ?? 0) + column.count, orders });
  }
  return {
    day: answer.day,
    columns: QUEUE_COLUMNS.map((key) => byKey.get(key) ?? { key, count: 0, orders: [] }),
  };
}

/** The cooperative's order events (SSE), straight from the orders service: one whenever an order changes. */
export function openCooperativeOrderStream(
  token: string,
  cooperativeId: string,
  signal: AbortSignal,
): Promise<Response> {
  return fetch(serviceUrl('orders', `${coopOrders(cooperativeId)}/stream`), {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
    signal,
  });
}

// ---- the nota (receipt) ----

export const NotaSchema = z.object({
  cooperative: z.object({ name: z.string(), address: z.string().nullable().optional() }),
  notaNumber: z.string(),
  date: z.string(),
  lines: z.array(
    z.object({
      name: z.string(),
      unit: z.string(),
      unitPrice: z.number().int(),
      quantity: z.number().int(),
      lineTotal: z.number().int(),
      het: z.boolean().optional(),
    }),
  ),
  subtotal: z.number().int(),
  deliveryFee: z.number().int(),
  total: z.number().int(),
  paymentMethod: z.string(),
  cashReceived: z.number().int().nullable().optional(),
  change: z.number().int().nullable().optional(),
  status: z.string(),
});
export type Nota = z.infer<typeof NotaSchema>;

/** The staff's nota of an order (JSON, for the print view). */
export function getStaffNota(token: string, cooperativeId: string, orderId: string): Promise<Nota> {
  return callService('orders', `${coopOrder(cooperativeId, orderId)}/nota`, { token, schema: NotaSchema });
}

/** The shopper's nota of their order (order token). */
export function getShopperNota(orderId: string, orderToken: string): Promise<Nota> {
  return callService('orders', `/orders/${encodeURIComponent(orderId)}/nota`, {
    headers: { 'X-Order-Token': orderToken },
    schema: NotaSchema,
  });
}

/** The nota as PDF, raw (the resource route streams it on): staff token or order token. */
export function fetchNotaPdf(
  who: { staff: { token: string; cooperativeId: string } } | { shopper: { orderToken: string } },
  orderId: string,
  signal: AbortSignal,
): Promise<Response> {
  const path =
    'staff' in who
      ? `${coopOrder(who.staff.cooperativeId, orderId)}/nota.pdf`
      : `/orders/${encodeURIComponent(orderId)}/nota.pdf`;
  const headers: Record<string, string> = { Accept: 'application/pdf' };
  if ('staff' in who) headers.Authorization = `Bearer ${who.staff.token}`;
  else headers['X-Order-Token'] = who.shopper.orderToken;
  return fetch(serviceUrl('orders', path), { headers, signal });
}

/** The shopper's order (order token) with its nota number and cash at handover, checked. */
export function getShopperOrder(orderId: string, orderToken: string): Promise<ShopperOrderWithFulfilment> {
  return callService('orders', `/orders/${encodeURIComponent(orderId)}`, {
    headers: { 'X-Order-Token': orderToken },
    schema: z.intersection(
      answerSchema('orders', 'get', '/orders/{orderId}'),
      FulfilmentFieldsSchema,
    ) as z.ZodType<ShopperOrderWithFulfilment>,
  });
}
