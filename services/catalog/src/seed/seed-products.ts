/**
 * Seeds the demo products (DEMO_PRODUCTS of @pasar/demo-data) through catalog's own create/update
 * use cases, so every new or changed product carries its event in its outbox. Idempotent: products
 * are matched on (cooperativeId, sku); a second run changes and emits nothing.
 * Needs MONGO_URL only. The events are published by the running catalog service's outbox relay.
 */
import { DEMO_PRODUCTS } from '@pasar/demo-data';
import { createLogger } from '@pasar/events';
import { BaseConfigSchema, connectMongo, loadConfig, startMain } from '@pasar/service-kit';
import { createRepositories, ensureIndexes } from '../db/repositories';
import { upsertProducts } from '../use-cases/upsert-products';

startMain('catalog-seed', async () => {
  const config = loadConfig(BaseConfigSchema.pick({ MONGO_URL: true, LOG_LEVEL: true }));
  const logger = createLogger('catalog-seed', config.LOG_LEVEL);
  const conn = await connectMongo(config.MONGO_URL);
  const repos = createRepositories(conn);
  await ensureIndexes(repos);
  const counts = await upsertProducts(
    { ...repos, logger },
    DEMO_PRODUCTS.map((p) => ({ ...p, imageUrl: null, status: 'published' as const })),
  );
  logger.info(counts, `seeded ${DEMO_PRODUCTS.length} demo products`);
  console.log(`[catalog-seed] ${JSON.stringify(counts)}`);
  await conn.close();
});
