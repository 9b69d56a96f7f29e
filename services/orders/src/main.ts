import { ALL_TOPICS } from '@pasar/contracts';
import { Bus, createLogger, startConsumer, startOutboxRelay } from '@pasar/events';
import { connectMongo, loadConfig, pingMongo, runService, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { OrdersConfigSchema } from './config';
import { createMongoStores } from './db/repositories';
import { orderSubscriptions } from './events/subscriptions';
import { startExpirySweeper } from './jobs/expiry-sweeper';
import type { OrdersDeps } from './use-cases/ports';

startMain('orders', async () => {
  const config = loadConfig(OrdersConfigSchema);
  const logger = createLogger('orders', config.LOG_LEVEL);
  const conn = await connectMongo(config.MONGO_URL);
  const stores = await createMongoStores(conn);
  const bus = new Bus({
    brokers: config.KAFKA_BROKERS,
    clientId: 'orders',
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    logger,
  });
  await bus.ensureTopics(ALL_TOPICS);
  const relay = startOutboxRelay({ bus, collections: [stores.ordersOutbox] });
  const deps: OrdersDeps = {
    products: stores.products,
    cooperatives: stores.cooperatives,
    carts: stores.carts,
    orders: stores.orders,
    expiries: stores.expiries,
    settings: {
      paymentMethods: config.PAYMENT_METHODS,
      ...(config.ORDER_EXPIRY_SECONDS ? { orderExpirySeconds: config.ORDER_EXPIRY_SECONDS } : {}),
    },
    logger,
    clock: () => new Date(),
    nudge: (orderId) => relay.nudge(stores.ordersOutbox, orderId),
  };
  const consumer = await startConsumer({
    bus,
    groupId: `${config.KAFKA_TOPIC_PREFIX}orders`,
    subscriptions: orderSubscriptions(deps),
    processed: conn.collection('processed_events'),
  });
  const sweeper = startExpirySweeper(deps, config.ORDER_SWEEP_INTERVAL_MS);
  const app = createApp({
    ...deps,
    adminToken: config.ADMIN_TOKEN,
    readiness: { mongo: () => pingMongo(conn), kafka: () => bus.ping() },
    stream: { pollMs: config.ORDER_STREAM_POLL_MS },
  });
  await runService({
    app,
    port: config.PORT,
    host: config.HOST,
    logger,
    // Run in reverse on shutdown: sweeper, consumer, relay, bus, then mongo.
    shutdown: [
      () => conn.close(),
      () => bus.disconnect(),
      () => relay.stop(),
      () => consumer.stop(),
      () => sweeper.stop(),
    ],
  });
});
