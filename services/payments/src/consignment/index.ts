import { startConsumer } from '@pasar/events';
import type { ServiceRuntime } from '@pasar/service-kit';
import { createConsignmentStore } from './db/consignment.store';
import { consignmentSubscriptions } from './events/subscriptions';
import type { ConsignmentDeps } from './use-cases/ports';

export { consignmentRoutes } from './routes/consignment.routes';
export type { ConsignmentDeps } from './use-cases/ports';

/**
 * Consignment (titip jual) inside payments: its collections, its outbox relay and its own
 * consumer group (`<prefix>payments-consignment`), so its offsets and dead letters are apart
 * from the payment saga's. Returns the deps its routes need.
 */
export async function openConsignment(rt: ServiceRuntime, topicPrefix: string): Promise<ConsignmentDeps> {
  const mongo = createConsignmentStore(rt.conn);
  await mongo.init();
  const outbox = mongo.outboxCollections;
  const relay = rt.relay([outbox.accounts, outbox.settings]);
  const deps: ConsignmentDeps = {
    store: mongo.store,
    logger: rt.logger.child({ component: 'consignment' }),
    onEventsWritten: (doc) => relay.nudge(outbox[doc.collection], doc.id),
  };
  const consumer = await startConsumer({
    bus: rt.bus,
    groupId: `${topicPrefix}payments-consignment`,
    subscriptions: consignmentSubscriptions(deps),
    processed: rt.conn.collection('processed_events'), // ids are `<group>:<event id>`: no clash
    ...rt.consumerOptions,
  });
  rt.onShutdown(() => consumer.stop());
  return deps;
}
