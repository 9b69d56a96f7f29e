/**
 * Seeds the demo products (DEMO_PRODUCTS of @pasar/demo-data) through catalog's own create/update
 * use cases, so every new or changed product carries its event in its outbox. Idempotent: products
 * are matched on (cooperativeId, sku); a second run changes and emits nothing.
 * Needs MONGO_URL only. The events are published by the running catalog service's outbox relay.
 */
import { DEMO_PRODUCTS, DEMO_SELLERS } from '@pasar/demo-data';
import { createLogger } from '@pasar/events';
import { BaseConfigSchema, connectMongo, loadConfig, startMain } from '@pasar/service-kit';
import { createRepositories, ensureIndexes } from '../db/repositories';
import type { ProductPhoto } from '../domain/photo';
import { PhotoConfigSchema, photoDeps } from '../photos/photo.config';
import { seedDemoPhoto } from '../photos/seed-photos';
import { seedProductPhotos } from '../use-cases/set-product-photos';
import { upsertProducts } from '../use-cases/upsert-products';

startMain('catalog-seed', async () => {
  const config = loadConfig(
    BaseConfigSchema.pick({ MONGO_URL: true, LOG_LEVEL: true }).extend(PhotoConfigSchema.shape),
  );
  const logger = createLogger('catalog-seed', config.LOG_LEVEL);
  const conn = await connectMongo(config.MONGO_URL);
  const repos = createRepositories(conn);
  await ensureIndexes(repos);
  const deps = { ...repos, logger };
  // A drawn picture per product (no download is possible), stored through the upload pipeline;
  // its id comes from the cooperative and SKU, so a second run finds the same photo.
  const uploads = await photoDeps(conn, config, logger);
  const photos = new Map<string, ProductPhoto>();
  for (const p of DEMO_PRODUCTS) {
    const key = `${p.cooperativeId}/${p.sku}`;
    photos.set(
      key,
      await seedDemoPhoto(uploads, {
        productId: key,
        cooperativeId: p.cooperativeId,
        name: p.name,
        category: p.category,
      }),
    );
  }
  // A demo seller's goods are listed as by that seller, so they manage them from their pages.
  const ownerOf = new Map(DEMO_SELLERS.map((s) => [`${s.cooperativeId}/${s.sellerId}`, s.personId]));
  const counts = await upsertProducts(
    deps,
    DEMO_PRODUCTS.map((p) => ({
      ...p,
      ownerPersonId: ownerOf.get(`${p.cooperativeId}/${p.sellerId}`) ?? null,
      imageUrl: null,
      photos: [photos.get(`${p.cooperativeId}/${p.sku}`)!],
      status: 'published' as const,
    })),
  );
  // Products seeded before photos existed get theirs once.
  for (const product of (
    await Promise.all(
      [...new Set(DEMO_PRODUCTS.map((p) => p.cooperativeId))].map((c) => repos.products.findByCooperative(c)),
    )
  ).flat()) {
    const photo = photos.get(`${product.cooperativeId}/${product.sku}`);
    if (photo && product.photos.length === 0) await seedProductPhotos(deps, product.id, [photo]);
  }
  logger.info(counts, `seeded ${DEMO_PRODUCTS.length} demo products with photos`);
  console.log(`[catalog-seed] ${JSON.stringify(counts)}`);
  await conn.close();
});
