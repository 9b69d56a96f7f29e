import type { CartView, OrderView, ProductView } from '~/utils/views';
import { COOPERATIVES, PRODUCTS } from './fixtures';

/**
 * In-memory stand-ins for catalog (4001), orders (4002) and membership (4004), answering like the
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

export function fakeServices() {
  const products = new Map<string, ProductView>(PRODUCTS.map((p) => [p.id, structuredClone(p)]));
  const carts = new Map<string, CartView>();
  const orders = new Map<string, { order: OrderView; token: string }>();
  const byKey = new Map<string, string>();
  const calls: RecordedCall[] = [];
  const down = new Set<'catalog' | 'orders' | 'membership'>();
  let n = 0;

  function cartResponse(cart: CartView) {
    cart.subtotal = cart.lines.reduce((sum, l) => sum + l.lineTotal, 0);
    cart.itemCount = cart.lines.reduce((sum, l) => sum + l.quantity, 0);
    return json(200, cart);
  }

  function catalog(method: string, path: string, url: URL): Response {
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
      if (fulfilment.method === 'delivery' && !coop?.deliveryEnabled)
        return error(409, 'ORDER.DELIVERY_UNAVAILABLE');
      n += 1;
      const fee = fulfilment.method === 'delivery' ? (coop?.deliveryFee ?? 0) : 0;
      const subtotal = cart.lines.reduce((s, l) => s + l.lineTotal, 0);
      const now = new Date().toISOString();
      const order: OrderView = {
        id: `ord_test${String(n).padStart(8, '0')}`,
        cooperativeId: cart.cooperativeId,
        status: 'PLACED',
        lines: cart.lines,
        subtotal,
        deliveryFee: fee,
        total: subtotal + fee,
        fulfilment,
        contact: body.contact as OrderView['contact'],
        paymentMethod: 'cash',
        pickupCode: null,
        expiresAt: now,
        createdAt: now,
        rejection: null,
        timeline: [{ status: 'PLACED', at: now }],
        canCancel: true,
      };
      orders.set(order.id, { order, token: `tok_${n}_secret` });
      byKey.set(key, order.id);
      cart.lines = [];
      return json(201, { order, accessToken: `tok_${n}_secret` });
    }
    m = path.match(/^\/orders\/([^/]+)(\/cancel|\/events)?$/);
    if (m) {
      const entry = orders.get(m[1] ?? '');
      const token = headers.get('X-Order-Token') ?? url.searchParams.get('token');
      if (!entry || entry.token !== token) return error(404, 'ORDER.NOT_FOUND');
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
      return json(200, entry.order);
    }
    return error(404, 'NOT_FOUND');
  }

  function membership(method: string, path: string): Response {
    if (path === '/cooperatives' && method === 'GET') return json(200, { items: COOPERATIVES });
    const m = path.match(/^\/cooperatives\/([^/]+)$/);
    const coop = m && COOPERATIVES.find((c) => c.cooperativeId === m[1]);
    return coop ? json(200, coop) : error(404, 'COOPERATIVE.NOT_FOUND');
  }

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
          : url.port === '4004'
            ? 'membership'
            : null;
    if (!service || down.has(service)) throw new TypeError('fetch failed');
    const path = url.pathname;
    if (service === 'catalog') return catalog(method, path, url);
    if (service === 'orders') return orderService(method, path, headers, body, url);
    return membership(method, path);
  };

  return { fetch, calls, down, products, carts, orders };
}

export type FakeServices = ReturnType<typeof fakeServices>;
