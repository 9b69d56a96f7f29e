import { createTokenVerifier, loadConfig, openRuntime, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { CatalogConfigSchema } from './config';
import { ListingCache } from './db/listing-cache';
import { createRepositories, ensureIndexes, outboxCollections, outboxNudger } from './db/repositories';
import type { CatalogDeps } from './use-cases/ports';
import { catalogSubscriptions } from './events/subscriptions';
import { photoDeps } from './photos/photo.config';

startMain('catalog', async () => {
  const config = loadConfig(CatalogConfigSchema);
  const rt = await openRuntime('catalog', config);
  const repos = createRepositories(rt.conn);
  await ensureIndexes(repos);
  const outbox = outboxCollections(rt.conn);
  const relay = rt.relay(Object.values(outbox), { sweepIntervalMs: config.OUTBOX_SWEEP_MS });
  // Photos: the `photos` collection the upload pipeline (src/photos) writes, read by MongoPhotoLookup.
  const deps: CatalogDeps = {
    ...repos,
    logger: rt.logger,
    outboxWritten: outboxNudger(relay, outbox),
    listings: new ListingCache({ ttlMs: config.LISTING_CACHE_MS }),
  };
  await rt.consume(catalogSubscriptions(deps));
  const verifier = createTokenVerifier({ service: 'catalog', jwks: new URL(config.MEMBERSHIP_JWKS_URL) });
  const photos = await photoDeps(rt.conn, config, rt.logger);
  await rt.serve(createApp({ ...deps, photos, verifier, readiness: rt.readiness }));
});
