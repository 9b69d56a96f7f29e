import { ALL_TOPICS } from '@pasar/contracts';
import { Bus, createLogger, startOutboxRelay } from '@pasar/events';
import { connectMongo, loadConfig, pingMongo, runService, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { MembershipConfigSchema } from './config';
import { createCooperativeRepository } from './db/cooperative.repository';
import { createMemberRepository } from './db/member.repository';

startMain('membership', async () => {
  const config = loadConfig(MembershipConfigSchema);
  const logger = createLogger('membership', config.LOG_LEVEL);
  const conn = await connectMongo(config.MONGO_URL);
  const cooperatives = createCooperativeRepository(conn);
  const members = createMemberRepository(conn);
  await Promise.all([cooperatives.init(), members.init()]);

  const bus = new Bus({
    brokers: config.KAFKA_BROKERS,
    clientId: 'membership',
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    logger,
  });
  await bus.ensureTopics(ALL_TOPICS);
  const relay = startOutboxRelay({ bus, collections: [cooperatives.collection, members.collection] });
  // No consumer yet: membership consumes orders/payments events once the savings ledger and SHU land.

  const app = createApp({
    cooperatives,
    members,
    nikSalt: config.NIK_HASH_SALT,
    logger,
    onEventsWritten: (aggregate, id) =>
      relay.nudge(aggregate === 'cooperative' ? cooperatives.collection : members.collection, id),
    adminToken: config.ADMIN_TOKEN,
    readiness: { mongo: () => pingMongo(conn), kafka: () => bus.ping() },
  });
  await runService({
    app,
    port: config.PORT,
    host: config.HOST,
    logger,
    shutdown: [() => conn.close(), () => bus.disconnect(), () => relay.stop()],
  });
});
