import { ALL_TOPICS } from '@pasar/contracts';
import { Bus, createLogger, startConsumer, startOutboxRelay } from '@pasar/events';
import { connectMongo, loadConfig, pingMongo, runService, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { CatalogConfigSchema } from './config';
import { ListingCache } from './db/listing-cache';
import { createRepositories, ensureIndexes, outboxCollections, outboxNudger } from './db/repositories';
import { catalogSubscriptions } from './events/subscriptions';

startMain('catalog', async () => {
  const config = loadConfig(CatalogConfigSchema);
  const logger = createLogger('catalog', config.LOG_LEVEL);
  const conn = await connectMongo(config.MONGO_URL);
  const repos = createRepositories(conn);
  await ensureIndexes(repos);
  const bus = new Bus({
    brokers: config.KAFKA_BROKERS,
    clientId: 'catalog',
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    logger,
  });
  await bus.ensureTopics(ALL_TOPICS);
  const outbox = outboxCollections(conn);
  const relay = startOutboxRelay({
    bus,
    collections: Object.values(outbox),
    sweepIntervalMs: config.OUTBOX_SWEEP_MS,
  });
  const deps = {
    ...repos,
    logger,
    outboxWritten: outboxNudger(relay, outbox),
    listings: new ListingCache({ ttlMs: config.LISTING_CACHE_MS }),
  };
  const consumer = await startConsumer({
    bus,
    groupId: `${config.KAFKA_TOPIC_PREFIX}catalog`,
    subscriptions: catalogSubscriptions(deps),
    processed: conn.collection('processed_events'),
  });
  const app = createApp({
    ...deps,
    adminToken: config.ADMIN_TOKEN,
    readiness: { mongo: () => pingMongo(conn), kafka: () => bus.ping() },
  });
  await runService({
    app,
    port: config.PORT,
    host: config.HOST,
    logger,
    // Run in reverse on SIGTERM: stop consuming, flush the relay, then close the connections.
    shutdown: [() => conn.close(), () => bus.disconnect(), () => relay.stop(), () => consumer.stop()],
  });
});
