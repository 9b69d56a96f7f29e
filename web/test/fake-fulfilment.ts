import type { FulfilmentExtras } from '~/utils/fulfilment';
import type { OrderView } from '~/utils/views';

/**
 * The orders service's fulfilment API as agreed while it is being built (queue, stream, staff steps,
 * nota, stats, the buyer limit): answers shaped like the brief's API, used by fake-services.ts.
 */
export type FakeOrder = OrderView & FulfilmentExtras;
export interface FakeOrderEntry {
  order: FakeOrder;
  token: string;
  buyerId: string | null;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const error = (status: number, code: string, message = code, details?: unknown, headers = {}) =>
  json(status, { code, message, details, requestId: 'req_test' }, headers);

export const WRONG_CODES_BEFORE_THROTTLE = 3;

const jakartaDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(iso));

/** Which queue column an order sits in (the service decides; this is the fake's rule). */
function columnOf(status: string): string {
  if (status === 'PLACED' || status === 'AWAITING_PAYMENT') return 'new';
  if (status === 'CONFIRMED' || status === 'PAID') return 'toPack';
  if (status === 'PACKED') return 'packed';
  if (status === 'READY_FOR_PICKUP') return 'readyForPickup';
  if (status === 'OUT_FOR_DELIVERY') return 'outForDelivery';
  if (status === 'COMPLETED') return 'completed';
  return 'problems';
}

export interface FakeStats {
  today: {
    orders: number;
    revenue: number;
    byPaymentMethod: Record<string, { orders: number; revenue: number }>;
  };
  days: { date: string; orders: number; revenue: number }[];
}

export function fakeFulfilment(orders: Map<string, FakeOrderEntry>) {
  const wrongCodes = new Map<string, number>();
  const stats = new Map<string, FakeStats>();
  let notaSeq = 0;
  /** Column keys as the service spells them (tests may rename them to check the loose mapping). */
  const columnNames: Record<string, string> = {};

  const staffView = (o: FakeOrder) => ({
    ...o,
    note: null,
    updatedAt: o.createdAt,
    paymentId: null,
    whatsappUrl: `https://wa.me/${o.contact.phone.replace(/^\+/, '')}?text=${encodeURIComponent(`Pesanan ${o.notaNumber ?? o.id}`)}`,
  });

  function move(entry: FakeOrderEntry, status: OrderView['status'], extra: Partial<FakeOrder> = {}) {
    const at = new Date().toISOString();
    entry.order = {
      ...entry.order,
      ...extra,
      status,
      canCancel: false,
      timeline: [...entry.order.timeline, { status, at }],
    };
  }

  /** The staff routes under /cooperatives/{coop}/orders/…; null when the path is not one of them. */
  function handle(
    method: string,
    path: string,
    url: URL,
    body: Record<string, unknown>,
    roles: string[] | Response,
  ): Response | null {
    const coopMatch = path.match(/^\/cooperatives\/([^/]+)\/(orders\/(queue|stream)|stats)$/);
    const stepMatch = path.match(
      /^\/cooperatives\/([^/]+)\/orders\/([^/]+)\/(pack|ready|out-for-delivery|hand-over|deliver|cancel|nota|nota\.pdf)$/,
    );
    if (!coopMatch && !stepMatch) return null;
    if (roles instanceof Response) return roles;
    const coop = (coopMatch ?? stepMatch)?.[1] ?? '';
    const mine = [...orders.values()].filter((e) => e.order.cooperativeId === coop);

    if (coopMatch?.[3] === 'queue' && method === 'GET') {
      const day = url.searchParams.get('day') ?? jakartaDay(new Date().toISOString());
      const fulfilment = url.searchParams.get('fulfilment');
      const ofDay = mine
        .map((e) => e.order)
        .filter(
          (o) => jakartaDay(o.createdAt) === day && (!fulfilment || o.fulfilment.method === fulfilment),
        );
      const keys = ['new', 'toPack', 'packed', 'readyForPickup', 'outForDelivery', 'completed', 'problems'];
      return json(200, {
        day,
        columns: keys.map((key) => {
          const inIt = ofDay.filter((o) => columnOf(o.status) === key);
          return { key: columnNames[key] ?? key, count: inIt.length, orders: inIt.map(staffView) };
        }),
      });
    }
    if (coopMatch?.[3] === 'stream' && method === 'GET') {
      const latest = mine.at(-1);
      return new Response(
        `event: order\ndata: ${JSON.stringify({ orderId: latest?.order.id ?? null })}\n\n`,
        {
          headers: { 'Content-Type': 'text/event-stream' },
        },
      );
    }
    if (coopMatch?.[2] === 'stats' && method === 'GET') {
      if (!roles.some((r) => ['pengurus', 'pengawas', 'kasir'].includes(r)))
        return error(403, 'AUTH.FORBIDDEN');
      return json(
        200,
        stats.get(coop) ?? { today: { orders: 0, revenue: 0, byPaymentMethod: {} }, days: [] },
      );
    }
    if (!stepMatch) return error(404, 'NOT_FOUND');
    const entry = orders.get(stepMatch[2] ?? '');
    if (!entry || entry.order.cooperativeId !== coop) return error(404, 'ORDER.NOT_FOUND');
    const o = entry.order;
    const step = stepMatch[3];
    const invalid = () =>
      error(409, 'ORDER.INVALID_TRANSITION', `Cannot ${step} an order that is ${o.status}`);
    const may = (allowed: string[]) => roles.some((r) => allowed.includes(r));

    if (step === 'nota' || step === 'nota.pdf') {
      if (!o.notaNumber) return error(404, 'NOTA.NOT_FOUND');
      if (step === 'nota.pdf')
        return new Response(`%PDF-1.4\n% nota ${o.notaNumber}\n%%EOF\n`, {
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition': `attachment; filename="${o.notaNumber}.pdf"`,
          },
        });
      return json(200, notaOf(o));
    }
    if (method !== 'POST') return error(404, 'NOT_FOUND');
    if (step === 'pack') {
      if (!may(['gudang', 'pengurus'])) return error(403, 'AUTH.FORBIDDEN');
      if (o.status !== 'CONFIRMED' && o.status !== 'PAID') return invalid();
      notaSeq += 1;
      move(entry, 'PACKED', { notaNumber: o.notaNumber ?? `KRB-2026-${String(notaSeq).padStart(6, '0')}` });
    } else if (step === 'ready' || step === 'out-for-delivery') {
      if (!may(['gudang', 'pengurus', 'kasir'])) return error(403, 'AUTH.FORBIDDEN');
      const wanted = step === 'ready' ? 'pickup' : 'delivery';
      if (o.status !== 'PACKED' || o.fulfilment.method !== wanted) return invalid();
      move(entry, step === 'ready' ? 'READY_FOR_PICKUP' : 'OUT_FOR_DELIVERY');
    } else if (step === 'hand-over' || step === 'deliver') {
      // The service's two handovers: at the outlet (pickup orders) and the courier's (delivery orders).
      const pickup = o.fulfilment.method === 'pickup';
      if ((step === 'hand-over') !== pickup) return invalid();
      if (!may(pickup ? ['kasir', 'pengurus'] : ['kasir', 'pengurus', 'gudang']))
        return error(403, 'AUTH.FORBIDDEN');
      if (o.status !== (pickup ? 'READY_FOR_PICKUP' : 'OUT_FOR_DELIVERY')) return invalid();
      if ((wrongCodes.get(o.id) ?? 0) >= WRONG_CODES_BEFORE_THROTTLE)
        return error(429, 'ORDER.TOO_MANY_ATTEMPTS', 'too many wrong codes', undefined, {
          'Retry-After': '300',
        });
      if (body.pickupCode !== undefined && body.pickupCode !== o.pickupCode) {
        wrongCodes.set(o.id, (wrongCodes.get(o.id) ?? 0) + 1);
        return error(422, 'ORDER.WRONG_PICKUP_CODE', 'The pickup code does not match', {
          field: 'pickupCode',
        });
      }
      let cash: Partial<FakeOrder> = {};
      if (o.paymentMethod === 'cash') {
        const received = body.cashReceived;
        if (typeof received !== 'number' || received < o.total)
          return error(400, 'VALIDATION.FAILED', 'body.cashReceived', {
            issues: [{ field: 'body.cashReceived' }],
          });
        cash = { cashReceived: received, change: received - o.total };
      }
      move(entry, 'COMPLETED', cash);
    } else if (step === 'cancel') {
      if (!may(['kasir', 'pengurus'])) return error(403, 'AUTH.FORBIDDEN');
      if (['COMPLETED', 'CANCELLED', 'REJECTED', 'EXPIRED'].includes(o.status)) return invalid();
      move(entry, 'CANCELLED', { cancelReason: 'staff' });
    }
    return json(200, staffView(entry.order));
  }

  function notaOf(o: FakeOrder) {
    return {
      cooperative: {
        name: 'Koperasi Kelurahan Merah Putih Karangbesuki',
        address: 'Jl. Raya Karangbesuki No. 12',
      },
      notaNumber: o.notaNumber,
      date: o.createdAt,
      lines: o.lines.map((l) => ({
        name: l.name,
        unit: l.unit,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        lineTotal: l.lineTotal,
      })),
      subtotal: o.subtotal,
      deliveryFee: o.deliveryFee,
      total: o.total,
      paymentMethod: o.paymentMethod,
      cashReceived: o.cashReceived ?? null,
      change: o.change ?? null,
      status: o.status,
    };
  }

  /** The shopper's nota (order token already checked by the caller). */
  function shopperNota(entry: FakeOrderEntry, pdf: boolean): Response {
    if (!entry.order.notaNumber) return error(404, 'NOTA.NOT_FOUND');
    if (pdf)
      return new Response(`%PDF-1.4\n% nota ${entry.order.notaNumber}\n%%EOF\n`, {
        headers: { 'Content-Type': 'application/pdf' },
      });
    return json(200, notaOf(entry.order));
  }

  /** Test helper: put an order straight into a state (as if the saga and staff had moved it). */
  function setStatus(orderId: string, status: OrderView['status'], extra: Partial<FakeOrder> = {}) {
    const entry = orders.get(orderId);
    if (!entry) throw new Error(`no order ${orderId}`);
    move(entry, status, { pickupCode: entry.order.pickupCode ?? 'K7M2QP', ...extra });
  }

  return { handle, shopperNota, setStatus, stats, wrongCodes, columnNames };
}
