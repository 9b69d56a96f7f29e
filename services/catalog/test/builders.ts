import { randomBytes } from 'node:crypto';
import {
  type EventContext,
  newEvent,
  OrderCancelled,
  OrderConfirmed,
  OrderExpired,
  type OrderLine,
  OrderPlaced,
} from '@pasar/contracts';
import { createLogger } from '@pasar/events';
import { testDatabase } from '@pasar/testkit';
import { createApp } from '../src/app';
import { ListingCache } from '../src/db/listing-cache';
import { createRepositories, ensureIndexes } from '../src/db/repositories';
import type { NewProduct, Product } from '../src/domain/product';
import { createProduct } from '../src/use-cases/create-product';
import type { CatalogDeps } from '../src/use-cases/deps';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** A fresh database with catalog's repositories and app on it; `drop()` removes it. */
export async function catalogTestEnv(prefix = 'catalog', opts: { listingCacheMs?: number } = {}) {
  const db = await testDatabase(prefix);
  const repos = createRepositories(db.conn);
  await ensureIndexes(repos);
  const deps: CatalogDeps = {
    ...repos,
    logger: createLogger('catalog-test', process.env.TEST_LOG_LEVEL ?? 'silent'),
    ...(opts.listingCacheMs ? { listings: new ListingCache({ ttlMs: opts.listingCacheMs }) } : {}),
  };
  const app = createApp({ ...deps, adminToken: ADMIN_TOKEN });
  return {
    db,
    deps,
    app,
    /** Creates a product through the real use case (so it carries its event). */
    product: (overrides: Partial<NewProduct> = {}) => createProduct(deps, aProduct(overrides)),
    stockOf: async (p: Product) => {
      const doc = await repos.products.model.findById(p.id).lean();
      return doc!.stock;
    },
    drop: () => db.drop(),
  };
}

let skuCounter = 0;

export function aProduct(overrides: Partial<NewProduct> = {}): NewProduct {
  skuCounter++;
  return {
    cooperativeId: 'karangbesuki',
    sellerId: 'mbr_sri',
    sku: `SKU-${skuCounter}-${randomBytes(2).toString('hex')}`,
    name: 'Keripik Tempe Bu Sri 250 g',
    description: 'Produk UMKM anggota koperasi.',
    category: 'makanan-ringan',
    unit: 'pack',
    price: 15_000,
    maxPerOrder: null,
    imageUrl: null,
    status: 'published',
    stock: 10,
    ...overrides,
  };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function newOrderId(): string {
  return `ord_${[...randomBytes(20)].map((b) => BASE62[b % 62]).join('')}`;
}

export function orderLine(product: { id: string; name?: string }, quantity: number): OrderLine {
  return {
    productId: product.id,
    sellerId: 'mbr_sri',
    name: product.name ?? 'Produk',
    unit: 'pack',
    unitPrice: 15_000,
    quantity,
    lineTotal: 15_000 * quantity,
  };
}

const ctx: EventContext = { source: 'urn:pasar:orders-test', cooperativeId: 'karangbesuki' };

export function orderPlaced(orderId: string, lines: OrderLine[], cooperativeId = 'karangbesuki') {
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  return newEvent(
    OrderPlaced,
    orderId,
    {
      orderId,
      cooperativeId,
      lines,
      subtotal,
      deliveryFee: 0,
      total: subtotal,
      fulfilment: 'pickup',
      paymentMethod: 'cash',
      expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    },
    { ...ctx, cooperativeId },
  );
}

export function orderConfirmed(orderId: string, lines: OrderLine[]) {
  const total = lines.reduce((s, l) => s + l.lineTotal, 0);
  return newEvent(OrderConfirmed, orderId, { orderId, total, paymentMethod: 'cash', lines }, ctx);
}

export function orderCancelled(orderId: string, lines: OrderLine[]) {
  return newEvent(OrderCancelled, orderId, { orderId, by: 'shopper', reason: 'Tidak jadi', lines }, ctx);
}

export function orderExpired(orderId: string, lines: OrderLine[]) {
  return newEvent(OrderExpired, orderId, { orderId, lines }, ctx);
}

/** A response body for assertions (the assertions are the type check). */
// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked by the assertions that read them
export const json = async (res: Response): Promise<any> => res.json();
