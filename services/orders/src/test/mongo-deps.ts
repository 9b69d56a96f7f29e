import { createLogger } from '@pasar/events';
import { testDatabase } from '@pasar/testkit';
import { createHandoverThrottle } from '../db/handover-throttle';
import { createMongoStores } from '../db/repositories';
import type { OrdersDeps, OrdersSettings } from '../use-cases/ports';
import { TEST_NIK_HASH_SALT } from './memory-buyer-limits';

/** Use-case deps over a fresh FerretDB/MongoDB database; `drop()` removes it. */
export async function mongoDeps(settings: Partial<OrdersSettings> = {}) {
  const db = await testDatabase('orders');
  const stores = await createMongoStores(db.conn);
  const nudged: string[] = [];
  const deps: OrdersDeps = {
    products: stores.products,
    cooperatives: stores.cooperatives,
    carts: stores.carts,
    orders: stores.orders,
    expiries: stores.expiries,
    notaCounters: stores.notaCounters,
    handoverThrottle: createHandoverThrottle(),
    buyerLimits: stores.buyerLimits,
    settings: { paymentMethods: ['cash'], nikHashSalt: TEST_NIK_HASH_SALT, ...settings },
    logger: createLogger('orders-int', process.env.TEST_LOG_LEVEL ?? 'silent'),
    clock: () => new Date(),
    nudge: (id) => void nudged.push(id),
  };
  return { db, stores, deps, nudged, drop: () => db.drop() };
}
