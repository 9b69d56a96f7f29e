import { type Logger, startConsumer } from '@pasar/events';
import type { ServiceRuntime } from '@pasar/service-kit';
import { createSavingsStore } from './db/savings.store';
import { savingsSubscriptions } from './events/subscriptions';
import type { SavingsDeps, SavingsMembers } from './use-cases/ports';

export { savingsRoutes } from './routes/savings.routes';
export type { SavingsDeps } from './use-cases/ports';

/** The consumer group of the savings part, apart from membership's audit consumer. */
export const savingsGroupId = (topicPrefix: string) => `${topicPrefix}membership-savings`;

/**
 * The members' savings (simpanan) inside membership: its collections, its outbox relay and its own
 * consumer group, so its offsets and dead letters are apart from the audit trail's. Returns the
 * deps its routes need.
 */
export async function openSavings(
  rt: ServiceRuntime,
  members: SavingsMembers,
  topicPrefix: string,
): Promise<SavingsDeps> {
  const mongo = createSavingsStore(rt.conn);
  await mongo.init();
  const outbox = mongo.outboxCollections;
  const relay = rt.relay([outbox.accounts, outbox.settings]);
  const deps: SavingsDeps = {
    store: mongo.store,
    members,
    logger: rt.logger.child({ component: 'savings' }),
    onEventsWritten: (doc) => relay.nudge(outbox[doc.collection], doc.id),
  };
  const consumer = await startConsumer({
    bus: rt.bus,
    groupId: savingsGroupId(topicPrefix),
    subscriptions: savingsSubscriptions(deps),
    processed: rt.conn.collection('processed_events'), // ids are `<group>:<event id>`: no clash
    ...rt.consumerOptions,
  });
  rt.onShutdown(() => consumer.stop());
  return deps;
}

/** For an app built without savings storage: every call says so (a 500), nothing is faked. */
export function savingsNotWired(logger: Logger): SavingsDeps {
  const fail = async (): Promise<never> => {
    throw new Error('savings storage is not wired into this app (see main.ts: openSavings)');
  };
  return {
    store: {
      getSettings: fail,
      saveSettings: fail,
      getAccount: fail,
      saveAccount: fail,
      listSummaries: fail,
      getReceipt: fail,
      claimReceipt: fail,
      releaseReceipt: fail,
    },
    members: { findById: fail, findByPerson: fail, list: fail },
    logger,
    onEventsWritten: () => {},
  };
}
