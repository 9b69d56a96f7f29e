import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import {
  freePort,
  repoRoot,
  spawnService,
  type SpawnedService,
  spawnTs,
  testInfra,
  uniqueName,
  mongoUrlFor,
  waitFor,
} from '@pasar/testkit';

const SERVICES = ['membership', 'catalog', 'orders', 'payments', 'ledger'] as const;
type ServiceName = (typeof SERVICES)[number];

/** The city office account the harness creates through membership's operator command. */
export const E2E_DINAS = { phone: '081100009999', password: 'e2e-dinas-2026' };

export interface TestMarket {
  urls: Record<ServiceName, string>;
  prefix: string;
  services: Record<ServiceName, SpawnedService>;
  /** membership's database, for operator commands (admin create-pengurus …). */
  membershipMongoUrl: string;
  /** Each service's database, for its seed scripts. */
  mongoUrls: Record<ServiceName, string>;
  /** The environment every service got (NIK keys, salt, topic prefix…), for seeds and commands. */
  env: Record<string, string>;
  /** The port each service listens on (a restarted service keeps its port). */
  ports: Record<ServiceName, number>;
  /**
   * Starts a service again on its port and database, with `env` over what it got first (an empty
   * string unsets a variable). A service still running is stopped first (SIGTERM).
   */
  restart(name: ServiceName, env?: Record<string, string>): Promise<SpawnedService>;
  stop(): Promise<void>;
}

/** Every method orders may offer; each cooperative offers all of them unless it says otherwise. */
export const ALL_PAYMENT_METHODS = 'cash,qris,gopay,shopeepay,bank_transfer,card';

/** Runs membership's operator command against the market's membership database. */
export async function membershipAdmin(
  m: Pick<TestMarket, 'membershipMongoUrl'>,
  args: string[],
): Promise<string> {
  const cli = join(repoRoot(), 'services', 'membership', 'src', 'admin', 'cli.ts');
  const proc = spawnTs(
    cli,
    { MONGO_URL: m.membershipMongoUrl, NODE_ENV: 'test', LOG_LEVEL: 'warn' },
    undefined,
    args,
  );
  const code = await proc.exited;
  if (code !== 0) throw new Error(`membership admin ${args[0]} exited ${code}:\n${proc.output()}`);
  return proc.output();
}

export interface SignedIn {
  sessionId: string;
  /** Access tokens per service (≤ 5 min). */
  tokens: Record<ServiceName, string>;
  person: { personId: string; name: string; grants: unknown[]; platform: string[] };
  /** `{ authorization: 'Bearer …' }` for a service. */
  auth(service: ServiceName): { authorization: string };
}

/** Signs in through membership's HTTP API and exchanges the session for the per-service tokens. */
export async function signIn(
  m: Pick<TestMarket, 'urls'>,
  phone: string,
  password: string,
): Promise<SignedIn> {
  const res = await api<{ session: { id: string } }>(`${m.urls.membership}/auth/sign-in`, {
    body: { phone, password },
  });
  if (res.status !== 200) throw new Error(`sign-in ${phone}: ${res.status} ${JSON.stringify(res.body)}`);
  const sessionId = res.body.session.id;
  const tokens = await api<{ tokens: Record<ServiceName, string>; person: SignedIn['person'] }>(
    `${m.urls.membership}/auth/tokens`,
    { body: { sessionId } },
  );
  if (tokens.status !== 200) throw new Error(`tokens: ${tokens.status} ${JSON.stringify(tokens.body)}`);
  return {
    sessionId,
    tokens: tokens.body.tokens,
    person: tokens.body.person,
    auth: (service) => ({ authorization: `Bearer ${tokens.body.tokens[service]}` }),
  };
}

/**
 * The five services as real processes on free ports, talking through the real broker with a topic
 * prefix of their own and databases of their own, so suites can run side by side.
 */
export async function startTestMarket(
  extraEnv: Partial<Record<ServiceName, Record<string, string>>> = {},
): Promise<TestMarket> {
  const infra = testInfra();
  const prefix = `${uniqueName('e2e')}.`;
  const ports = Object.fromEntries(
    await Promise.all(SERVICES.map(async (name) => [name, await freePort()] as const)),
  ) as Record<ServiceName, number>;
  const signingKey = generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();
  const dbName = (name: ServiceName) => `${prefix.replaceAll('.', '')}_${name}`;
  const common = {
    MEMBERSHIP_JWKS_URL: `http://127.0.0.1:${ports.membership}/.well-known/jwks.json`,
    KAFKA_BROKERS: infra.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: prefix,
    STRIPE_API_BASE: infra.stripeApiBase,
    MIDTRANS_BASE_URL: infra.midtransBaseUrl,
    MIDTRANS_SERVER_KEY: infra.midtransServerKey,
    NIK_HASH_SALT: 'e2e-nik-salt-0123456789abcdef',
    NIK_ENCRYPTION_KEYS: JSON.stringify({ t1: Buffer.alloc(32, 7).toString('base64') }),
    NIK_ENCRYPTION_KEY_ID: 't1',
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
  };
  const envs = Object.fromEntries(
    SERVICES.map((name): [ServiceName, Record<string, string>] => [
      name,
      {
        ...common,
        ...(name === 'membership'
          ? { TOKEN_SIGNING_KEY: signingKey, TOKEN_KEY_ID: `e2e-${prefix.slice(4, 12)}` }
          : {}),
        ...(name === 'orders' ? { PAYMENT_METHODS: ALL_PAYMENT_METHODS } : {}),
        MONGO_URL: mongoUrlFor(dbName(name)),
        ...(extraEnv[name] ?? {}),
      },
    ]),
  ) as Record<ServiceName, Record<string, string>>;
  const entries = await Promise.all(
    SERVICES.map(async (name) => [name, await spawnService(name, ports[name], envs[name])] as const),
  );
  const services = Object.fromEntries(entries) as Record<ServiceName, SpawnedService>;
  const membershipMongoUrl = mongoUrlFor(dbName('membership'));
  await membershipAdmin({ membershipMongoUrl }, [
    'create-dinas',
    '--name',
    'Dinas Koperasi (uji)',
    '--phone',
    E2E_DINAS.phone,
    '--password',
    E2E_DINAS.password,
  ]);
  return {
    prefix,
    services,
    membershipMongoUrl,
    mongoUrls: Object.fromEntries(SERVICES.map((n) => [n, mongoUrlFor(dbName(n))])) as Record<
      ServiceName,
      string
    >,
    env: common,
    ports,
    urls: Object.fromEntries(entries.map(([n, s]) => [n, s.url])) as Record<ServiceName, string>,
    async restart(name, env = {}) {
      await services[name].stop();
      envs[name] = { ...envs[name], ...env };
      services[name] = await spawnService(name, ports[name], envs[name]);
      return services[name];
    },
    async stop() {
      await Promise.all(SERVICES.map((n) => services[n].stop()));
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

/** The ketua the harness makes for each cooperative it registers (through the operator command). */
const ketuas = new Map<string, { phone: string; password: string }>();
let ketuaCounter = 0;

/** `{authorization}` for a service as the cooperative's ketua (a pengurus: manages products, sees payments). */
export async function staffAuth(m: TestMarket, cooperativeId: string, service: ServiceName) {
  const ketua = ketuas.get(`${m.prefix}${cooperativeId}`);
  if (!ketua)
    throw new Error(`no ketua for ${cooperativeId}: register the cooperative with registerCooperative()`);
  return (await signIn(m, ketua.phone, ketua.password)).auth(service);
}

/** Registers a cooperative as the city office (dinas), the only caller membership allows. */
export async function registerCooperative(
  m: TestMarket,
  cooperativeId: string,
  overrides: Record<string, unknown> = {},
) {
  const dinas = await signIn(m, E2E_DINAS.phone, E2E_DINAS.password);
  const res = await api(`${m.urls.membership}/cooperatives`, {
    headers: dinas.auth('membership'),
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
  const ketua = {
    phone: `0812${String(process.pid % 10_000).padStart(4, '0')}${String(++ketuaCounter).padStart(4, '0')}`,
    password: `e2e-ketua-${cooperativeId}`,
  };
  await membershipAdmin(m, [
    'create-pengurus',
    '--cooperative',
    cooperativeId,
    '--name',
    `Ketua ${cooperativeId}`,
    '--phone',
    ketua.phone,
    '--position',
    'ketua',
    '--password',
    ketua.password,
  ]);
  ketuas.set(`${m.prefix}${cooperativeId}`, ketua);
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
    /** Whose goods (a member id); a seller approved in membership makes it titip jual. */
    sellerId?: string;
  } = {},
) {
  const res = await api<{ id: string }>(`${m.urls.catalog}/cooperatives/${cooperativeId}/products`, {
    headers: await staffAuth(m, cooperativeId, 'catalog'),
    body: {
      sku: `E2E-${++skuCounter}-${Date.now().toString(36)}`,
      sellerId: fields.sellerId ?? 'mbr_e2e_seller',
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
  headers: Record<string, string> = {},
) {
  return api<{ order: { id: string; status: string; notaNumber: string | null }; accessToken: string }>(
    `${m.urls.orders}/orders`,
    {
      headers: { 'idempotency-key': key, ...headers },
      body: { cartId, fulfilment: { method: 'pickup' }, contact: shopper, paymentMethod: 'cash', ...extra },
    },
  );
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
