import type {
  CartView,
  OrderView,
  ProductView,
  Reconciliation,
  StaffOrderView,
  StaffPaymentView,
} from '~/utils/views';
import { type FakeOrderEntry, fakeFulfilment } from './fake-fulfilment';
import { fakeSellers } from './fake-sellers';
import { COOPERATIVES, type FakePerson, PEOPLE, PRODUCTS } from './fixtures';

/**
 * In-memory stand-ins for catalog (4001), orders (4002), payments (4003, its staff endpoints) and
 * membership (4004), answering like the
 * agreed HTTP API. Install with vi.stubGlobal('fetch', services.fetch); put a service in `down` to
 * make it refuse connections.
 */
export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number, code: string, message = code, details?: unknown) =>
  json(status, { code, message, details, requestId: 'req_test' });

type Service = 'catalog' | 'orders' | 'payments' | 'membership' | 'ledger';
const STAFF = ['pengurus', 'kasir', 'gudang', 'pengawas'];
const MAX_FAILURES = 5;

interface FakeSession {
  personId: string;
  /** Set by sign-out, a password change, a reset, or a test simulating the idle/absolute timeout. */
  revoked: boolean;
  expiresAt: string;
}
interface AuditLine {
  id: string;
  cooperativeId: string;
  actorId: string;
  actorName: string;
  actorRoles: string[];
  action: string;
  target: { type: string; id: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  at: string;
  source: string;
  recordedAt: string;
}

/** Catalog's product view with the subsidised-goods fields (being added to catalog). */
type LimitedProduct = ProductView & {
  buyerLimit?: { quantity: number; period: 'day' | 'week' | 'month' } | null;
  het?: boolean;
};

const maskPhone = (phone: string) => `${phone.slice(0, 6)}****${phone.slice(-3)}`;
const normalisePhone = (raw: unknown) => {
  const m = /^(?:\+62|62|0)(8\d{8,11})$/.exec(String(raw ?? '').replace(/[\s.\-()]/g, ''));
  return m ? `+62${m[1]}` : undefined;
};

export function fakeServices() {
  const products = new Map<string, ProductView>(PRODUCTS.map((p) => [p.id, structuredClone(p)]));
  const carts = new Map<string, CartView>();
  const orders = new Map<string, FakeOrderEntry>();
  const fulfilment = fakeFulfilment(orders);
  /** Buyer limits: what each NIK bought of each product (the real service keeps only a hash). */
  const boughtByNik = new Map<string, number>();
  /** membership: people by id, sessions by id, access tokens (opaque here) → who and for which service. */
  const people = new Map<string, FakePerson>(PEOPLE.map((p) => [p.personId, structuredClone(p)]));
  const sessions = new Map<string, FakeSession>();
  const accessTokens = new Map<string, { personId: string; service: Service; sessionId: string }>();
  const failures = new Map<string, number>();
  const resetCodes = new Map<string, string>();
  const audit: AuditLine[] = [];
  const erased = new Set<string>();
  const byKey = new Map<string, string>();
  const calls: RecordedCall[] = [];
  const down = new Set<Service>();
  /**
   * payments' own records, by payment id (the staff endpoints): each with its cooperative. Tests put
   * payments here with `paymentView()` from fixtures.
   */
  const paymentRecords = new Map<string, { cooperativeId: string; view: StaffPaymentView }>();
  /** What the reconciliation of a cooperative finds (any range); clean and empty by default. */
  const reconciliations = new Map<string, Pick<Reconciliation, 'checked' | 'unreachable' | 'mismatches'>>();
  /** What orders offers per cooperative (GET /cooperatives/{id}/payment-methods); others: cash only. */
  const paymentMethods = new Map<string, OrderView['paymentMethod'][]>([
    ['karangbesuki', ['cash', 'qris', 'gopay', 'shopeepay', 'bank_transfer', 'card']],
  ]);
  /**
   * How payments answers an online order: the hosted page appears after this many reads of the
   * order (0: already on the first), or never (null) — as if payments were slow.
   */
  const payments: { openAfterReads: number | null } = { openAfterReads: 0 };
  const reads = new Map<string, number>();
  let n = 0;

  function cartResponse(cart: CartView) {
    cart.subtotal = cart.lines.reduce((sum, l) => sum + l.lineTotal, 0);
    cart.itemCount = cart.lines.reduce((sum, l) => sum + l.quantity, 0);
    return json(200, cart);
  }

  function catalog(method: string, path: string, url: URL, headers: Headers): Response {
    let m = path.match(/^\/cooperatives\/([^/]+)\/products$/);
    if (m && method === 'GET') {
      const cursor = url.searchParams.get('cursor');
      if (cursor !== null && !/^\d+$/.test(cursor))
        return error(400, 'VALIDATION', 'query.cursor is malformed');
      const q = url.searchParams.get('q')?.toLowerCase();
      const items = [...products.values()].filter(
        (p) =>
          p.cooperativeId === m?.[1] &&
          (!q || p.name.toLowerCase().includes(q)) &&
          (!url.searchParams.get('category') || p.category === url.searchParams.get('category')) &&
          (url.searchParams.get('inStock') !== 'true' || p.inStock),
      );
      const start = Number(cursor ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const page = items.slice(start, start + limit);
      return json(200, {
        items: page,
        nextCursor: start + limit < items.length ? String(start + limit) : null,
      });
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/products\/all$/);
    if (m && method === 'GET') {
      const denied = requireRoles(headers, 'catalog', m[1] ?? '', ['pengurus', 'gudang', 'pengawas']);
      if (denied) return denied;
      const items = [...products.values()]
        .filter((p) => p.cooperativeId === m?.[1])
        .map((p) => ({
          ...p,
          stock: { ...p.stock, sold: 0 },
          ownerPersonId: 'per_kb_sri',
          updatedAt: p.createdAt,
        }));
      return json(200, { items });
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/categories$/);
    if (m && method === 'GET') {
      const counts = new Map<string, number>();
      for (const p of products.values()) {
        if (p.cooperativeId === m[1]) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
      }
      return json(200, { items: [...counts].map(([category, count]) => ({ category, count })) });
    }
    m = path.match(/^\/products\/([^/]+)$/);
    if (m && method === 'GET') {
      if (!/^[0-9a-f]{24}$/.test(m[1] ?? '')) return error(400, 'VALIDATION', 'param.productId');
      const p = products.get(m[1] ?? '');
      return p ? json(200, p) : error(404, 'PRODUCT.NOT_FOUND');
    }
    return error(404, 'NOT_FOUND');
  }

  function orderService(
    method: string,
    path: string,
    headers: Headers,
    body: Record<string, unknown>,
    url: URL,
  ) {
    if (path === '/carts' && method === 'POST') {
      n += 1;
      const cart: CartView = {
        id: `crt_test${n}`,
        cooperativeId: String(body.cooperativeId),
        lines: [],
        subtotal: 0,
        itemCount: 0,
        updatedAt: new Date().toISOString(),
      };
      carts.set(cart.id, cart);
      return json(201, cart);
    }
    let m = path.match(/^\/carts\/([^/]+)(\/lines(?:\/([^/]+))?)?$/);
    if (m) {
      const cart = carts.get(m[1] ?? '');
      if (!cart) return error(404, 'CART.NOT_FOUND');
      if (!m[2] && method === 'GET') return cartResponse(cart);
      const productId = m[3] ?? String(body.productId);
      const p = products.get(productId);
      if (method === 'DELETE') {
        cart.lines = cart.lines.filter((l) => l.productId !== productId);
        return cartResponse(cart);
      }
      if (!p) return error(404, 'PRODUCT.NOT_FOUND');
      if (p.cooperativeId !== cart.cooperativeId) return error(409, 'CART.WRONG_COOPERATIVE');
      const existing = cart.lines.find((l) => l.productId === productId);
      const quantity =
        method === 'PUT' ? Number(body.quantity) : (existing?.quantity ?? 0) + Number(body.quantity);
      if (p.maxPerOrder !== null && quantity > p.maxPerOrder) {
        return error(409, 'CART.LIMIT_EXCEEDED', `max ${p.maxPerOrder}`, { limit: p.maxPerOrder });
      }
      const line = {
        productId,
        name: p.name,
        unit: p.unit,
        unitPrice: p.price,
        quantity,
        lineTotal: p.price * quantity,
        maxPerOrder: p.maxPerOrder,
      };
      cart.lines = existing
        ? cart.lines.map((l) => (l.productId === productId ? line : l))
        : [...cart.lines, line];
      return cartResponse(cart);
    }
    if (path === '/orders' && method === 'POST') {
      const key = headers.get('Idempotency-Key');
      if (!key || key.length < 8) return error(400, 'VALIDATION', 'header Idempotency-Key');
      const known = byKey.get(key);
      if (known) {
        const o = orders.get(known);
        return json(200, { order: o?.order, accessToken: o?.token });
      }
      const cart = carts.get(String(body.cartId));
      if (!cart || cart.lines.length === 0) return error(409, 'CART.EMPTY');
      const fulfilment = body.fulfilment as OrderView['fulfilment'];
      const coop = COOPERATIVES.find((c) => c.cooperativeId === cart.cooperativeId);
      const payWith = body.paymentMethod as OrderView['paymentMethod'];
      const offered = paymentMethods.get(cart.cooperativeId) ?? ['cash'];
      if (!offered.includes(payWith))
        return error(400, 'VALIDATION', `paymentMethod: choose ${offered.join(', ')}`, {
          issues: [{ field: 'paymentMethod' }],
        });
      if (fulfilment.method === 'delivery' && !coop?.deliveryEnabled)
        return error(409, 'ORDER.DELIVERY_UNAVAILABLE');
      const limited = cart.lines
        .map((l) => ({
          line: l,
          limit: (products.get(l.productId) as LimitedProduct | undefined)?.buyerLimit,
        }))
        .filter((x) => x.limit);
      const nik = typeof body.buyerNik === 'string' ? body.buyerNik : undefined;
      if (limited.length > 0 && !(nik && /^\d{16}$/.test(nik)))
        return error(400, 'VALIDATION.FAILED', 'body.buyerNik', { issues: [{ field: 'body.buyerNik' }] });
      for (const { line, limit } of limited) {
        const already = boughtByNik.get(`${nik}:${line.productId}`) ?? 0;
        if (limit && already + line.quantity > limit.quantity)
          return error(
            409,
            'ORDER.BUYER_LIMIT',
            `${line.name}: max ${limit.quantity} per ${limit.period} per NIK`,
            {
              productId: line.productId,
              limit: limit.quantity,
              period: limit.period,
              resetsAt: '2026-05-18T17:00:00.000Z',
              alreadyBought: already,
            },
          );
      }
      for (const { line } of limited)
        boughtByNik.set(
          `${nik}:${line.productId}`,
          (boughtByNik.get(`${nik}:${line.productId}`) ?? 0) + line.quantity,
        );
      n += 1;
      const fee = fulfilment.method === 'delivery' ? (coop?.deliveryFee ?? 0) : 0;
      const subtotal = cart.lines.reduce((s, l) => s + l.lineTotal, 0);
      const now = new Date().toISOString();
      const order: OrderView = {
        id: `ord_test${String(n).padStart(8, '0')}`,
        notaNumber: null, // the fake gives one at packing (the service numbers orders at placement)
        handover: null,
        cashReceived: null,
        change: null,
        cooperativeId: cart.cooperativeId,
        status: 'PLACED',
        lines: cart.lines,
        subtotal,
        deliveryFee: fee,
        total: subtotal + fee,
        fulfilment,
        contact: body.contact as OrderView['contact'],
        paymentMethod: payWith,
        pickupCode: null,
        expiresAt: now,
        createdAt: now,
        rejection: null,
        cancelReason: null,
        payment: null,
        refund: null,
        timeline: [{ status: 'PLACED', at: now }],
        canCancel: true,
      };
      const buyer = bearer(headers, 'orders');
      if (buyer === 'invalid') return error(401, 'AUTH.INVALID_TOKEN');
      orders.set(order.id, { order, token: `tok_${n}_secret`, buyerId: buyer?.personId ?? null });
      byKey.set(key, order.id);
      cart.lines = [];
      return json(201, { order, accessToken: `tok_${n}_secret` });
    }
    if (path === '/me/orders' && method === 'GET') {
      const who = bearer(headers, 'orders');
      if (!who || who === 'invalid') return error(401, 'AUTH.UNAUTHENTICATED');
      const mine = [...orders.values()].filter((o) => o.buyerId === who.personId).map((o) => o.order);
      return json(200, page(mine.reverse(), url));
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/orders$/);
    if (m && method === 'GET') {
      const denied = requireRoles(headers, 'orders', m[1] ?? '', STAFF);
      if (denied) return denied;
      const status = url.searchParams.get('status');
      // The staff view: the order plus the shopper's note and when it last changed.
      const theirs: StaffOrderView[] = [...orders.values()]
        .map((o) => ({
          ...o.order,
          note: null,
          updatedAt: o.order.createdAt,
          paymentId: null,
          whatsappUrl: null,
        }))
        .filter((o) => o.cooperativeId === m?.[1] && (!status || o.status === status));
      return json(200, page(theirs.reverse(), url));
    }
    m = path.match(/^\/cooperatives\/([^/]+)\//);
    if (m) {
      const answered = fulfilment.handle(method, path, url, body, staffRoles(headers, m[1] ?? ''));
      if (answered) return answered;
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/orders\/([^/]+)$/);
    if (m && method === 'GET') {
      const denied = requireRoles(headers, 'orders', m[1] ?? '', STAFF);
      if (denied) return denied;
      const entry = orders.get(m[2] ?? '');
      if (!entry || entry.order.cooperativeId !== m[1]) return error(404, 'ORDER.NOT_FOUND');
      const staffView: StaffOrderView & { whatsappUrl: string } = {
        ...entry.order,
        note: null,
        updatedAt: entry.order.createdAt,
        paymentId: null,
        whatsappUrl: `https://wa.me/${entry.order.contact.phone.replace(/^\+/, '')}?text=Pesanan`,
      };
      return json(200, staffView);
    }
    m = path.match(/^\/orders\/([^/]+)(\/cancel|\/events|\/nota|\/nota\.pdf)?$/);
    if (m) {
      const entry = orders.get(m[1] ?? '');
      const token = headers.get('X-Order-Token') ?? url.searchParams.get('token');
      if (!entry || entry.token !== token) return error(404, 'ORDER.NOT_FOUND');
      if (m[2] === '/nota' || m[2] === '/nota.pdf')
        return fulfilment.shopperNota(entry, m[2] === '/nota.pdf');
      if (m[2] === '/cancel') {
        if (!entry.order.canCancel) return error(409, 'ORDER.CANNOT_CANCEL');
        entry.order = { ...entry.order, status: 'CANCELLED', canCancel: false };
        return json(200, entry.order);
      }
      if (m[2] === '/events') {
        return new Response(`event: order\ndata: ${JSON.stringify(entry.order)}\n\n`, {
          headers: { 'Content-Type': 'text/event-stream' },
        });
      }
      const read = (reads.get(entry.order.id) ?? 0) + 1;
      reads.set(entry.order.id, read);
      // Payments opens the hosted page for an online order stock has been held for.
      if (
        entry.order.paymentMethod !== 'cash' &&
        !entry.order.payment &&
        payments.openAfterReads !== null &&
        read > payments.openAfterReads
      ) {
        entry.order = {
          ...entry.order,
          status: 'AWAITING_PAYMENT',
          payment: {
            provider: entry.order.paymentMethod === 'card' ? 'stripe' : 'midtrans',
            redirectUrl: `https://pay.example/snap/${entry.order.id}`,
            deadline: new Date(Date.now() + 30 * 60_000).toISOString(),
          },
        };
      }
      return json(200, entry.order);
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/payment-methods$/);
    if (m && method === 'GET') {
      const cooperativeId = m[1] ?? '';
      if (!COOPERATIVES.some((c) => c.cooperativeId === cooperativeId))
        return error(404, 'COOPERATIVE.NOT_FOUND');
      return json(200, { cooperativeId, paymentMethods: paymentMethods.get(cooperativeId) ?? ['cash'] });
    }
    return error(404, 'NOT_FOUND');
  }

  /** payments' staff endpoints, with its access rules (services/payments/src/routes/payments.routes.ts). */
  function paymentService(
    method: string,
    path: string,
    headers: Headers,
    body: Record<string, unknown>,
    url: URL,
  ) {
    const READERS = ['pengurus', 'kasir', 'pengawas'];
    let m = path.match(/^\/payments\/by-order\/([^/]+)$/);
    if (m && method === 'GET') {
      // scope 'resource': an allowed role somewhere passes the guard; another cooperative's → 404.
      const who = bearer(headers, 'payments');
      if (!who || who === 'invalid') return error(401, 'AUTH.UNAUTHENTICATED');
      if (!who.person.grants.some((g) => g.roles.some((r) => READERS.includes(r))))
        return error(403, 'AUTH.FORBIDDEN');
      const found = [...paymentRecords.values()]
        .filter((p) => p.view.orderId === m?.[1])
        .sort((a, b) => b.view.attempt - a.view.attempt)[0];
      const grant = found && who.person.grants.find((g) => g.cooperativeId === found.cooperativeId);
      if (!found || !grant?.roles.some((r) => READERS.includes(r))) return error(404, 'PAYMENT.NOT_FOUND');
      return json(200, found.view);
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/refunds\/manual$/);
    if (m && method === 'GET') {
      const denied = requireRoles(headers, 'payments', m[1] ?? '', READERS);
      if (denied) return denied;
      const items = [...paymentRecords.values()]
        .filter((p) => p.cooperativeId === m?.[1] && p.view.status === 'MANUAL_REFUND')
        .map((p) => p.view);
      return json(200, { items });
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/refunds\/([^/]+)\/done$/);
    if (m && method === 'POST') {
      const denied = requireRoles(headers, 'payments', m[1] ?? '', ['pengurus', 'kasir']);
      if (denied) return denied;
      const note = typeof body.note === 'string' ? body.note.trim() : '';
      if (note.length < 3 || note.length > 500)
        return error(400, 'VALIDATION.FAILED', 'body.note', { issues: [{ field: 'body.note' }] });
      const record = paymentRecords.get(m[2] ?? '');
      if (!record || record.cooperativeId !== m[1]) return error(404, 'PAYMENT.NOT_FOUND');
      if (record.view.status !== 'MANUAL_REFUND' || !record.view.refund)
        return error(
          409,
          'PAYMENT.INVALID_TRANSITION',
          `Cannot manualRefundDone a payment that is ${record.view.status}`,
        );
      record.view = {
        ...record.view,
        status: 'REFUNDED',
        refunded: record.view.refund.amount,
        refund: { ...record.view.refund, note, doneAt: new Date().toISOString() },
      };
      return json(200, record.view);
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/reconciliation$/);
    if (m && method === 'GET') {
      const cooperativeId = m[1] ?? '';
      const denied = requireRoles(headers, 'payments', cooperativeId, ['pengurus', 'pengawas']);
      if (denied) return denied;
      const from = url.searchParams.get('from') ?? '';
      const to = url.searchParams.get('to') ?? from;
      const day = /^\d{4}-\d{2}-\d{2}$/;
      if (!day.test(from) || !day.test(to))
        return error(400, 'VALIDATION.FAILED', 'query.from', { issues: [{ field: 'query.from' }] });
      const start = Date.parse(`${from}T00:00:00+07:00`);
      const end = Date.parse(`${to}T00:00:00+07:00`) + 86_400_000;
      if (end <= start || end - start > 31 * 86_400_000)
        return error(400, 'VALIDATION.FAILED', 'query.to', { issues: [{ field: 'query.to' }] });
      const found = reconciliations.get(cooperativeId) ?? { checked: 0, unreachable: [], mismatches: [] };
      return json(200, {
        cooperativeId,
        from: new Date(start).toISOString(),
        to: new Date(end).toISOString(),
        ...found,
      });
    }
    return error(404, 'NOT_FOUND');
  }

  /** Cursor = offset, as a string; limit from the query. */
  function page<T>(items: T[], url: URL) {
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    return {
      items: items.slice(start, start + limit),
      nextCursor: start + limit < items.length ? String(start + limit) : null,
    };
  }

  /** The person behind `Authorization: Bearer`, checked against the service the token was minted for. */
  function bearer(headers: Headers, service: Service) {
    const header = headers.get('Authorization');
    if (!header) return null;
    const entry = accessTokens.get(header.replace(/^Bearer /, ''));
    if (!entry || entry.service !== service) return 'invalid' as const;
    const person = people.get(entry.personId);
    return person ? { ...entry, person } : ('invalid' as const);
  }

  /** 401 without a valid token; 404 for another cooperative's staff; 403 for the same cooperative without the role. */
  function requireRoles(
    headers: Headers,
    service: Service,
    cooperativeId: string,
    roles: string[],
    position?: string,
  ): Response | null {
    const who = bearer(headers, service);
    if (!who || who === 'invalid') return error(401, 'AUTH.UNAUTHENTICATED');
    const grant = who.person.grants.find((g) => g.cooperativeId === cooperativeId);
    if (!grant) return error(404, 'NOT_FOUND');
    if (!grant.roles.some((r) => roles.includes(r)) || (position && grant.position !== position))
      return error(403, 'AUTH.FORBIDDEN');
    return null;
  }

  /** The person's roles in the cooperative (orders token), or the refusal to answer with. */
  function staffRoles(headers: Headers, cooperativeId: string): string[] | Response {
    const who = bearer(headers, 'orders');
    if (!who || who === 'invalid') return error(401, 'AUTH.UNAUTHENTICATED');
    const grant = who.person.grants.find((g) => g.cooperativeId === cooperativeId);
    if (!grant?.roles.some((r) => STAFF.includes(r))) return error(404, 'NOT_FOUND');
    return grant.roles;
  }

  function personView(p: FakePerson) {
    return { personId: p.personId, name: p.name, phone: p.phone, grants: p.grants, platform: p.platform };
  }

  function personInCooperative(p: FakePerson, cooperativeId: string) {
    const grant = p.grants.find((g) => g.cooperativeId === cooperativeId);
    return {
      personId: p.personId,
      name: p.name,
      phoneMasked: maskPhone(p.phone),
      roles: grant?.roles ?? [],
      ...(grant?.position ? { position: grant.position } : {}),
    };
  }

  function record(line: Omit<AuditLine, 'id' | 'at' | 'source' | 'recordedAt'>) {
    const at = new Date().toISOString();
    audit.push({
      ...line,
      id: `aud_${audit.length + 1}`,
      at,
      source: 'urn:pasar:membership',
      recordedAt: at,
    });
  }

  function issueCode(personId: string) {
    n += 1;
    const code = `KODE${String(n).padStart(4, '0')}`;
    resetCodes.set(personId, code);
    return { resetCode: code, resetCodeExpiresAt: new Date(Date.now() + 86_400_000).toISOString() };
  }

  function revokeAll(personId: string) {
    for (const session of sessions.values()) if (session.personId === personId) session.revoked = true;
  }

  function membership(
    method: string,
    path: string,
    headers: Headers,
    body: Record<string, unknown>,
    url: URL,
  ) {
    if (path === '/cooperatives' && method === 'GET') return json(200, { items: COOPERATIVES });
    if (path === '/auth/sign-in' && method === 'POST') {
      const phone = normalisePhone(body.phone);
      if (!phone || typeof body.password !== 'string' || body.password === '')
        return error(400, 'VALIDATION', 'body.phone', { fields: ['phone'] });
      if ((failures.get(phone) ?? 0) >= MAX_FAILURES) {
        return new Response(
          JSON.stringify({
            code: 'AUTH.THROTTLED',
            message: 'throttled',
            details: { retryAfterSeconds: 60 },
          }),
          { status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '60' } },
        );
      }
      const person = [...people.values()].find((p) => p.phone === phone);
      if (!person || person.password !== body.password) {
        failures.set(phone, (failures.get(phone) ?? 0) + 1);
        return error(401, 'AUTH.INVALID_CREDENTIALS');
      }
      failures.delete(phone);
      const previous =
        typeof body.previousSessionId === 'string' ? sessions.get(body.previousSessionId) : undefined;
      if (previous) previous.revoked = true;
      n += 1;
      const id = `ses_${String(n).padStart(4, '0')}_${'f'.repeat(40)}`;
      const expiresAt = new Date(Date.now() + 12 * 3_600_000).toISOString();
      sessions.set(id, { personId: person.personId, revoked: false, expiresAt });
      return json(200, { session: { id, expiresAt, idleTimeoutSeconds: 1800 }, person: personView(person) });
    }
    if (path === '/auth/tokens' && method === 'POST') {
      const session = sessions.get(String(body.sessionId));
      const person = session && people.get(session.personId);
      if (!session || session.revoked || !person) return error(401, 'AUTH.SESSION_EXPIRED');
      n += 1;
      const tokens = Object.fromEntries(
        (['catalog', 'orders', 'payments', 'membership', 'ledger'] as const).map((service) => {
          const token = `at.${service}.${person.personId}.${n}`;
          accessTokens.set(token, { personId: person.personId, service, sessionId: String(body.sessionId) });
          return [service, token];
        }),
      );
      return json(200, { tokens, expiresIn: 300, person: personView(person) });
    }
    if (path === '/auth/sign-out' && method === 'POST') {
      const session = sessions.get(String(body.sessionId));
      if (session) session.revoked = true;
      return new Response(null, { status: 204 });
    }
    if (path === '/auth/reset' && method === 'POST') {
      const phone = normalisePhone(body.phone);
      const person = [...people.values()].find((p) => p.phone === phone);
      if (typeof body.newPassword !== 'string' || body.newPassword.length < 8)
        return error(400, 'VALIDATION', 'body.newPassword', { fields: ['newPassword'] });
      if (!person || resetCodes.get(person.personId) !== body.code)
        return error(400, 'AUTH.INVALID_RESET_CODE');
      resetCodes.delete(person.personId);
      person.password = body.newPassword;
      revokeAll(person.personId);
      return new Response(null, { status: 204 });
    }
    const me = bearer(headers, 'membership');
    if (path === '/auth/password' && method === 'POST') {
      if (!me || me === 'invalid') return error(401, 'AUTH.UNAUTHENTICATED');
      if (me.person.password !== body.currentPassword)
        return error(400, 'AUTH.WRONG_PASSWORD', 'body.currentPassword');
      if (typeof body.newPassword !== 'string' || body.newPassword.length < 8)
        return error(400, 'VALIDATION', 'body.newPassword');
      me.person.password = body.newPassword;
      revokeAll(me.person.personId);
      return new Response(null, { status: 204 });
    }
    if (path.startsWith('/me')) {
      if (!me || me === 'invalid') return error(401, 'AUTH.UNAUTHENTICATED');
      if (path === '/me' && method === 'GET') return json(200, personView(me.person));
      if (path === '/me/export' && method === 'GET')
        return json(200, { person: personView(me.person), exportedAt: new Date().toISOString() });
      if (path === '/me/erasure' && method === 'POST') {
        erased.add(me.person.personId);
        me.person.name = 'Anggota terhapus';
        return new Response(null, { status: 202 });
      }
    }
    let m = path.match(/^\/cooperatives\/([^/]+)\/people$/);
    if (m) {
      const coop = m[1] ?? '';
      if (method === 'GET') {
        const denied = requireRoles(headers, 'membership', coop, ['pengurus', 'pengawas']);
        if (denied) return denied;
        const items = [...people.values()]
          .filter((p) => p.grants.some((g) => g.cooperativeId === coop))
          .map((p) => personInCooperative(p, coop));
        return json(200, page(items, url));
      }
      if (method === 'POST') {
        const denied = requireRoles(headers, 'membership', coop, ['pengurus'], 'ketua');
        if (denied) return denied;
        const phone = normalisePhone(body.phone);
        if (!phone) return error(400, 'VALIDATION', 'body.phone', { fields: ['phone'] });
        const roles = body.roles as string[];
        let person = [...people.values()].find((p) => p.phone === phone);
        if (!person) {
          n += 1;
          person = {
            personId: `per_new${n}`,
            name: String(body.name),
            phone,
            password: '',
            grants: [],
            platform: [],
          };
          people.set(person.personId, person);
        }
        const grant = person.grants.find((g) => g.cooperativeId === coop);
        const position = body.position as FakePerson['grants'][number]['position'];
        if (grant) grant.roles = [...new Set([...grant.roles, ...roles])];
        else person.grants.push({ cooperativeId: coop, roles, ...(position ? { position } : {}) });
        const actor = bearer(headers, 'membership');
        if (actor && actor !== 'invalid')
          record({
            cooperativeId: coop,
            actorId: actor.personId,
            actorName: actor.person.name,
            actorRoles: ['pengurus'],
            action: 'membership.person.invited',
            target: { type: 'person', id: person.personId },
            after: { roles },
          });
        return json(201, { person: personInCooperative(person, coop), ...issueCode(person.personId) });
      }
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/people\/([^/]+)\/(roles|reset-code)$/);
    if (m) {
      const coop = m[1] ?? '';
      const denied = requireRoles(headers, 'membership', coop, ['pengurus'], 'ketua');
      if (denied) return denied;
      const person = people.get(m[2] ?? '');
      const grant = person?.grants.find((g) => g.cooperativeId === coop);
      if (!person || !grant) return error(404, 'PERSON.NOT_FOUND');
      const actor = bearer(headers, 'membership');
      const actorId = actor && actor !== 'invalid' ? actor.personId : 'unknown';
      if (m[3] === 'roles' && method === 'PUT') {
        const before = { roles: grant.roles };
        grant.roles = body.roles as string[];
        if (body.position) grant.position = body.position as 'ketua';
        else delete grant.position;
        record({
          cooperativeId: coop,
          actorId,
          actorName: 'Bu Endang',
          actorRoles: ['pengurus'],
          action: 'membership.role.assigned',
          target: { type: 'person', id: person.personId },
          before,
          after: { roles: grant.roles },
        });
        return json(200, personInCooperative(person, coop));
      }
      if (m[3] === 'reset-code' && method === 'POST') return json(201, issueCode(person.personId));
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/audit$/);
    if (m && method === 'GET') {
      const denied = requireRoles(headers, 'membership', m[1] ?? '', ['pengurus', 'pengawas']);
      if (denied) return denied;
      return json(200, page(audit.filter((a) => a.cooperativeId === m?.[1]).reverse(), url));
    }
    m = path.match(/^\/cooperatives\/([^/]+)$/);
    const coop = m && COOPERATIVES.find((c) => c.cooperativeId === m[1]);
    return coop ? json(200, coop) : error(404, 'COOPERATIVE.NOT_FOUND');
  }

  /** Issue 10's endpoints (seller registry, listings and moderation, photos, consignment). */
  const sellers = fakeSellers(products, people, { bearer, requireRoles });

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : {};
    calls.push({ method, url, headers, body });
    const service =
      url.port === '4001'
        ? 'catalog'
        : url.port === '4002'
          ? 'orders'
          : url.port === '4003'
            ? 'payments'
            : url.port === '4004'
              ? 'membership'
              : null;
    if (!service || down.has(service)) throw new TypeError('fetch failed');
    const path = url.pathname;
    const answered = sellers.handle(service, method, path, url, headers, body, init.body);
    if (answered) return answered;
    if (service === 'catalog') return catalog(method, path, url, headers);
    if (service === 'orders') return orderService(method, path, headers, body, url);
    if (service === 'payments') return paymentService(method, path, headers, body, url);
    return membership(method, path, headers, body, url);
  };

  /** Tests: sign a person in directly (as if through /auth/sign-in); returns the session id. */
  function sessionOf(personId: string): string | undefined {
    return [...sessions].find(([, s]) => s.personId === personId && !s.revoked)?.[0];
  }

  return {
    fetch,
    calls,
    down,
    paymentMethods,
    payments,
    paymentRecords,
    reconciliations,
    products,
    carts,
    orders,
    fulfilment,
    boughtByNik,
    people,
    sessions,
    failures,
    resetCodes,
    audit,
    erased,
    sessionOf,
    sellers,
  };
}

export type FakeServices = ReturnType<typeof fakeServices>;
