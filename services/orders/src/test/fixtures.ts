import type { CooperativeRole, CooperativeSnapshot, ProductSnapshot } from '@pasar/contracts';
import { createLogger } from '@pasar/events';
import { createTestIssuer } from '@pasar/service-kit/testing';
import type { AppDeps } from '../app';
import { createHandoverThrottle } from '../db/handover-throttle';
import type { OrdersDeps, OrdersSettings } from '../use-cases/ports';
import {
  MemoryCartStore,
  MemoryCooperativeStore,
  MemoryExpiryQueue,
  MemoryNotaCounters,
  MemoryOrderStore,
  MemoryProductStore,
} from './memory-stores';
import { MemoryBuyerLimitStore, TEST_NIK_HASH_SALT } from './memory-buyer-limits';

/** Signs access tokens exactly as membership does; the apps under test verify against its keys. */
export const issuer = await createTestIssuer();

/** `Authorization` for a person holding `roles` in `cooperativeId` (none: a signed-in shopper). */
export async function bearer(
  personId: string,
  grants: { cooperativeId: string; roles: CooperativeRole[] }[] = [],
): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await issuer.token({ personId, grants }, { service: 'orders' })}` };
}

/** Staff of `cooperativeId` with `roles` (person id derived from them, so two calls name one person). */
export const staffOf = (cooperativeId: string, ...roles: CooperativeRole[]) =>
  bearer(`per_${cooperativeId}_${roles.join('_')}`, [{ cooperativeId, roles }]);

let seq = 0;
/** A fresh 24-hex product id (catalog ids are ObjectIds). */
export function productId(): string {
  seq += 1;
  return `${Date.now().toString(16).padStart(12, '0')}${seq.toString(16).padStart(12, '0')}`.slice(-24);
}

export function aProduct(overrides: Partial<ProductSnapshot> = {}): ProductSnapshot {
  return {
    productId: productId(),
    cooperativeId: 'karangbesuki',
    sellerId: 'mbr_sri',
    name: 'Keripik Tempe Bu Sri 250 g',
    category: 'makanan-ringan',
    unit: 'pack',
    price: 15_000,
    maxPerOrder: null,
    status: 'published',
    imageUrl: null,
    version: 1,
    ...overrides,
  };
}

export function aCooperative(overrides: Partial<CooperativeSnapshot> = {}): CooperativeSnapshot {
  return {
    cooperativeId: 'karangbesuki',
    name: 'Koperasi Kelurahan Merah Putih Karangbesuki',
    marketName: 'Karbes Market',
    ward: 'Karangbesuki',
    city: 'Kota Malang',
    outletAddress: 'Jl. Raya Karangbesuki No. 1, Sukun, Kota Malang',
    deliveryEnabled: true,
    deliveryFee: 5_000,
    orderExpiryMinutes: 30,
    ...overrides,
  };
}

export const pickupOrder = (cartId: string, overrides: Record<string, unknown> = {}) => ({
  cartId,
  fulfilment: { method: 'pickup' },
  contact: { name: 'Siti Aminah', phone: '0812-3456-7890' },
  paymentMethod: 'cash',
  ...overrides,
});

export const deliveryAddress = {
  street: 'Jl. Raya Karangbesuki No. 12',
  rt_rw: '003/005',
  kelurahan: 'Karangbesuki',
  kecamatan: 'Sukun',
  city: 'Kota Malang',
  postalCode: '65146',
};

/** Use-case deps over in-memory stores, with a clock the test can move. */
export function memoryDeps(settings: Partial<OrdersSettings> = {}) {
  const stores = {
    products: new MemoryProductStore(),
    cooperatives: new MemoryCooperativeStore(),
    carts: new MemoryCartStore(),
    orders: new MemoryOrderStore(),
    expiries: new MemoryExpiryQueue(),
    notaCounters: new MemoryNotaCounters(),
    buyerLimits: new MemoryBuyerLimitStore(),
  };
  let now = new Date('2026-11-23T10:00:00.000Z');
  const deps: OrdersDeps = {
    ...stores,
    handoverThrottle: createHandoverThrottle(),
    settings: { paymentMethods: ['cash'], nikHashSalt: TEST_NIK_HASH_SALT, ...settings },
    logger: createLogger('orders-test', process.env.TEST_LOG_LEVEL ?? 'silent'),
    clock: () => new Date(now),
    nudge: () => {},
  };
  return {
    deps,
    stores,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

export function appDeps(settings: Partial<OrdersSettings> = {}) {
  const m = memoryDeps(settings);
  const app: AppDeps = {
    ...m.deps,
    verifier: issuer.verifier('orders'),
    stream: { pollMs: 20, heartbeatMs: 60_000, maxMs: 60_000 },
  };
  return { ...m, appDeps: app };
}
