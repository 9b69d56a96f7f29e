import { ALL_TOPICS } from '@pasar/contracts';
import { Bus, createLogger, startConsumer, startOutboxRelay } from '@pasar/events';
import { connectMongo, loadConfig, pingMongo, runService, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { PaymentsConfigSchema } from './config';
import { createPaymentRepository } from './db/payment.repository';
import { subscriptions } from './events/subscriptions';
import type { PaymentsDeps } from './use-cases/ports';

startMain('payments', async () => {
  const config = loadConfig(PaymentsConfigSchema);
  const logger = createLogger('payments', config.LOG_LEVEL);
  const conn = await connectMongo(config.MONGO_URL);
  const payments = createPaymentRepository(conn);
  await payments.init();

  const bus = new Bus({
    brokers: config.KAFKA_BROKERS,
    clientId: 'payments',
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    logger,
  });
  await bus.ensureTopics(ALL_TOPICS);
  const relay = startOutboxRelay({ bus, collections: [payments.collection] });
  const deps: PaymentsDeps = {
    payments,
    logger,
    onEventsWritten: (id) => relay.nudge(payments.collection, id),
  };
  const consumer = await startConsumer({
    bus,
    groupId: `${config.KAFKA_TOPIC_PREFIX}payments`,
    subscriptions: subscriptions(deps),
    processed: conn.collection('processed_events'),
  });
  // The Stripe client (providers/stripe.client.ts, STRIPE_*) is wired in when card payments land.
  logger.info({ stripeApiBase: config.STRIPE_API_BASE }, 'online providers not enabled yet: cash only');

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
    shutdown: [() => conn.close(), () => bus.disconnect(), () => relay.stop(), () => consumer.stop()],
  });
});
