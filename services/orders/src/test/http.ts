import { createApp } from '../app';
import { aCooperative, aProduct, appDeps, pickupOrder } from './fixtures';

type App = ReturnType<typeof createApp>;

export interface Sent {
  status: number;
  headers: Headers;
  /** The parsed JSON answer (undefined when the answer is not JSON); assertions check its shape. */
  // biome-ignore lint/suspicious/noExplicitAny: test answers are checked by the assertions that read them
  body: any;
}

export async function send(
  app: App,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Sent> {
  const res = await app.request(path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** An app over memory stores that knows Karangbesuki and two of its products (one limited to 2 per order). */
export async function shopWithProducts(settings: Parameters<typeof appDeps>[0] = {}) {
  const t = appDeps(settings);
  const keripik = aProduct({ name: 'Keripik Tempe Bu Sri 250 g', price: 15_000 });
  const lpg = aProduct({ name: 'LPG 3 kg', unit: 'tabung', category: 'lpg', price: 19_000, maxPerOrder: 2 });
  const tempe = aProduct({ cooperativeId: 'dinoyo', name: 'Tempe Dinoyo 500 g', price: 8_000 });
  await t.stores.products.upsert(keripik);
  await t.stores.products.upsert(lpg);
  await t.stores.products.upsert(tempe);
  await t.stores.cooperatives.upsert(aCooperative(), new Date());
  await t.stores.cooperatives.upsert(
    aCooperative({ cooperativeId: 'dinoyo', deliveryEnabled: false }),
    new Date(),
  );
  const app = createApp(t.appDeps);

  async function newCart(cooperativeId = 'karangbesuki'): Promise<string> {
    const res = await send(app, 'POST', '/carts', { cooperativeId });
    if (res.status !== 201) throw new Error(`cart not created: ${res.status}`);
    return res.body.id as string;
  }

  async function cartWithKeripik(quantity = 2, cooperativeId = 'karangbesuki'): Promise<string> {
    const cartId = await newCart(cooperativeId);
    const productId = cooperativeId === 'dinoyo' ? tempe.productId : keripik.productId;
    const res = await send(app, 'POST', `/carts/${cartId}/lines`, { productId, quantity });
    if (res.status !== 200) throw new Error(`line not added: ${res.status}`);
    return cartId;
  }

  /**
   * Places a pickup/cash order of 2 keripik (2 tempe in dinoyo); returns the order view and its
   * token. `headers` may carry the buyer's access token.
   */
  async function placedOrder(
    overrides: Record<string, unknown> = {},
    key = `key-${Math.random().toString(36).slice(2)}`,
    opts: { cooperativeId?: string; headers?: Record<string, string> } = {},
  ) {
    const cartId = await cartWithKeripik(2, opts.cooperativeId);
    const res = await send(app, 'POST', '/orders', pickupOrder(cartId, overrides), {
      'Idempotency-Key': key,
      ...opts.headers,
    });
    if (res.status !== 201) throw new Error(`order not placed: ${res.status} ${JSON.stringify(res.body)}`);
    const body = res.body as {
      order: { id: string; status: string; notaNumber: string | null };
      accessToken: string;
    };
    return { ...body, cartId, key };
  }

  return { ...t, app, keripik, lpg, tempe, newCart, cartWithKeripik, placedOrder };
}
