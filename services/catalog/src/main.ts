import { OutboxImages } from '@pasar/events';
import { createTokenVerifier, loadConfig, openRuntime, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { CatalogConfigSchema } from './config';
import { ListingCache } from './db/listing-cache';
import { ListingIndex } from './db/listing-index';
import { MongoListingSource } from './db/listing-source';
import { createRepositories, ensureIndexes, outboxCollections, outboxNudger } from './db/repositories';
import type { CatalogDeps } from './use-cases/ports';
import { catalogSubscriptions } from './events/subscriptions';
import { photoDeps } from './photos/photo.config';

startMain('catalog', async () => {
  const config = loadConfig(CatalogConfigSchema);
  const rt = await openRuntime('catalog', config);
  const outboxImages = new OutboxImages(); // what the reservation writes leave for the relay
  const repos = createRepositories(rt.conn, outboxImages);
  await ensureIndexes(repos);
  const outbox = outboxCollections(rt.conn);
  const relay = rt.relay(Object.values(outbox), { sweepIntervalMs: config.OUTBOX_SWEEP_MS });
  // Photos: the `photos` collection the upload pipeline (src/photos) writes, read by MongoPhotoLookup.
  const listingIndex =
    config.LISTING_INDEX === 'on'
      ? new ListingIndex(new MongoListingSource(repos.products.model), {
          content: config.LISTING_INDEX_CONTENT,
          refreshMs: config.LISTING_INDEX_REFRESH_MS,
          idleMs: config.LISTING_INDEX_IDLE_MS,
          logger: rt.logger,
        })
      : undefined;
  listingIndex?.start();
  rt.onShutdown(async () => listingIndex?.stop());
  const deps: CatalogDeps = {
    ...repos,
    logger: rt.logger,
    outboxWritten: outboxNudger(relay, outbox, outboxImages),
    listings: new ListingCache({ ttlMs: config.LISTING_CACHE_MS }),
    ...(listingIndex ? { listingIndex } : {}),
  };
  await rt.consume(catalogSubscriptions(deps));
  const verifier = createTokenVerifier({ service: 'catalog', jwks: new URL(config.MEMBERSHIP_JWKS_URL) });
  const photoUploads = await photoDeps(rt.conn, config, rt.logger);
  await rt.serve(createApp({ ...deps, photoUploads, verifier, readiness: rt.readiness }));
});
