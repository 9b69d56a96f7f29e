import {
  freePort,
  spawnService,
  type SpawnedService,
  testInfra,
  uniqueName,
  mongoUrlFor,
  waitFor,
} from '@pasar/testkit';

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789';
const SERVICES = ['membership', 'catalog', 'orders', 'payments'] as const;
type ServiceName = (typeof SERVICES)[number];

export interface TestMarket {
  urls: Record<ServiceName, string>;
  prefix: string;
  services: Record<ServiceName, SpawnedService>;
  stop(): Promise<void>;
}

/**
 * The four services as real processes on free ports, talking through the real broker with a topic
 * prefix of their own and databases of their own, so suites can run side by side.
 */
export async function startTestMarket(
  extraEnv: Partial<Record<ServiceName, Record<string, string>>> = {},
): Promise<TestMarket> {
  const infra = testInfra();
  const prefix = `${uniqueName('e2e')}.`;
  const common = {
    KAFKA_BROKERS: infra.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: prefix,
    STRIPE_API_BASE: infra.stripeApiBase,
    ADMIN_TOKEN,
    NIK_HASH_SALT: 'e2e-nik-salt-0123456789abcdef',
    NIK_ENCRYPTION_KEYS: JSON.stringify({ t1: Buffer.alloc(32, 7).toString('base64') }),
    NIK_ENCRYPTION_KEY_ID: 't1',
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
  };
  const entries = await Promise.all(
    SERVICES.map(async (name) => {
      const port = await freePort();
      const svc = await spawnService(name, port, {
        ...common,
        MONGO_URL: mongoUrlFor(`${prefix.replaceAll('.', '')}_${name}`),
        ...(extraEnv[name] ?? {}),
      });
      return [name, svc] as const;
    }),
  );
  const services = Object.fromEntries(entries) as Record<ServiceName, SpawnedService>;
  return {
    prefix,
    services,
    urls: Object.fromEntries(entries.map(([n, s]) => [n, s.url])) as Record<ServiceName, string>,
    async stop() {
      await Promise.all(entries.map(([, s]) => s.stop()));
    },
  };
}

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
}

export async function api<T = any>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.headers ?? {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body: body as T };
}

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** Registers a cooperative and waits until orders knows it (its read model is fed by events). */
export async function registerCooperative(
  m: TestMarket,
  cooperativeId: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await api(`${m.urls.membership}/cooperatives`, {
    headers: admin,
    body: {
      cooperativeId,
      name: `Koperasi Kelurahan Merah Putih ${cooperativeId}`,
      marketName: `${cooperativeId} Market`,
      ward: cooperativeId,
      city: 'Kota Malang',
      outletAddress: 'Jl. Uji Coba No. 1, Kota Malang',
      description: 'Koperasi untuk pengujian.',
      openingHours: 'Setiap hari 07.00–20.00',
      phone: '+6281234500099',
      deliveryEnabled: true,
      deliveryFee: 5_000,
      orderExpiryMinutes: 30,
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`register cooperative: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let skuCounter = 0;
/** Creates a published product in catalog and waits until orders can put it in a cart. */
export async function createProduct(
  m: TestMarket,
  cooperativeId: string,
  fields: {
    name?: string;
    price?: number;
    stock?: number;
    maxPerOrder?: number | null;
    category?: string;
    unit?: string;
  } = {},
) {
  const res = await api<{ id: string }>(`${m.urls.catalog}/cooperatives/${cooperativeId}/products`, {
    headers: admin,
    body: {
      sku: `E2E-${++skuCounter}-${Date.now().toString(36)}`,
      sellerId: 'mbr_e2e_seller',
      name: fields.name ?? 'Keripik Tempe Bu Sri 250 g',
      description: 'Barang untuk pengujian.',
      category: fields.category ?? 'makanan-ringan',
      unit: fields.unit ?? 'pack',
      price: fields.price ?? 15_000,
      maxPerOrder: fields.maxPerOrder ?? null,
      stock: fields.stock ?? 10,
      status: 'published',
    },
  });
  if (res.status !== 201) throw new Error(`create product: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A new cart, waiting for the cooperative to reach orders' read model first (it travels by event). */
export async function newCart(m: TestMarket, cooperativeId: string): Promise<string> {
  const res = await waitFor(
    async () => {
      const r = await api<{ id: string }>(`${m.urls.orders}/carts`, { body: { cooperativeId } });
      return r.status === 404 ? undefined : r;
    },
    { what: `cooperative ${cooperativeId} in orders' read model`, timeoutMs: 30_000 },
  );
  if (res.status !== 201) throw new Error(`new cart: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Adds to a cart, waiting for the product to reach orders' read model first. */
export async function addToCart(m: TestMarket, cartId: string, productId: string, quantity: number) {
  return waitFor(
    async () => {
      const res = await api(`${m.urls.orders}/carts/${cartId}/lines`, { body: { productId, quantity } });
      if (res.status === 404) return undefined; // the product event has not arrived yet
      return res;
    },
    { what: `product ${productId} in orders' read model`, timeoutMs: 30_000 },
  );
}

export const shopper = { name: 'Budi Santoso', phone: '081234567890' };

export async function placeOrder(
  m: TestMarket,
  cartId: string,
  key = uniqueName('idem'),
  extra: Record<string, unknown> = {},
) {
  return api<{ order: { id: string; status: string }; accessToken: string }>(`${m.urls.orders}/orders`, {
    headers: { 'idempotency-key': key },
    body: { cartId, fulfilment: { method: 'pickup' }, contact: shopper, paymentMethod: 'cash', ...extra },
  });
}

export async function getOrder(m: TestMarket, orderId: string, token: string) {
  return api<any>(`${m.urls.orders}/orders/${orderId}`, { headers: { 'x-order-token': token } });
}

export async function waitForOrderStatus(
  m: TestMarket,
  orderId: string,
  token: string,
  statuses: string[],
  timeoutMs = 30_000,
) {
  return waitFor(
    async () => {
      const res = await getOrder(m, orderId, token);
      return statuses.includes(res.body?.status) ? res.body : undefined;
    },
    { what: `order ${orderId} to reach ${statuses.join('|')}`, timeoutMs },
  );
}

export async function productStock(
  m: TestMarket,
  productId: string,
): Promise<{ available: number; reserved: number }> {
  const res = await api<any>(`${m.urls.catalog}/products/${productId}`);
  return res.body.stock;
}
