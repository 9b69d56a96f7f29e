import { createLogger } from '@pasar/events';
import { testDatabase } from '@pasar/testkit';
import { createApp } from '../src/app';
import { ListingCache } from '../src/db/listing-cache';
import { ListingIndex } from '../src/db/listing-index';
import { MongoListingSource } from '../src/db/listing-source';
import { createRepositories, ensureIndexes } from '../src/db/repositories';
import type { NewProduct, Product } from '../src/domain/product';
import { createProduct } from '../src/use-cases/create-product';
import type { CatalogDeps } from '../src/use-cases/deps';
import { aProduct, documentedApp, issuer } from './builders';

/** A fresh database with catalog's repositories and app on it; `drop()` removes it. */
export async function catalogTestEnv(
  prefix = 'catalog',
  opts: { listingCacheMs?: number; listingIndex?: boolean; listingContent?: 'memory' | 'database' } = {},
) {
  const db = await testDatabase(prefix);
  const repos = createRepositories(db.conn);
  await ensureIndexes(repos);
  const deps: CatalogDeps = {
    ...repos,
    logger: createLogger('catalog-test', process.env.TEST_LOG_LEVEL ?? 'silent'),
    ...(opts.listingCacheMs ? { listings: new ListingCache({ ttlMs: opts.listingCacheMs }) } : {}),
    // As in production (LISTING_INDEX=on): lists and category counts go through the read model.
    ...(opts.listingIndex !== false
      ? {
          listingIndex: new ListingIndex(new MongoListingSource(repos.products.model), {
            content: opts.listingContent ?? 'memory',
          }),
        }
      : {}),
  };
  const app = documentedApp(createApp({ ...deps, verifier: issuer.verifier('catalog') }));
  return {
    db,
    deps,
    /** The mongoose repositories behind `deps`, for tests that look at documents. */
    repos,
    app,
    /** Every event in the product document's outbox, oldest first. */
    outboxOf: async (productId: string) => {
      const doc = await repos.products.model.collection.findOne({
        _id: repos.products.model.castObject({ _id: productId })._id,
      });
      return ((doc?.outbox ?? []) as { topic: string; key: string; envelope: OutboxEnvelope }[]).map((e) => ({
        ...e.envelope,
        topic: e.topic,
        key: e.key,
      }));
    },
    /** Creates a product through the real use case (so it carries its event). */
    product: (overrides: Partial<NewProduct> = {}) => createProduct(deps, aProduct(overrides)),
    stockOf: async (p: Product) => {
      const doc = await repos.products.model.findById(p.id).lean();
      return doc!.stock;
    },
    drop: () => db.drop(),
  };
}

export type OutboxEnvelope = {
  type: string;
  subject: string;
  cooperativeid: string;
  // biome-ignore lint/suspicious/noExplicitAny: event data is checked by the assertions that read it
  data: Record<string, any>;
};
