import { ProductPublished } from '@pasar/contracts';
import { testDatabase, uniqueName } from '@pasar/testkit';
import { testBus } from '../src/testing';
import { type Bus, on, type RunningConsumer, startConsumer } from '../src';

type TestDb = Awaited<ReturnType<typeof testDatabase>>;

/**
 * A consumer group whose handler is deliberately NOT idempotent ($inc per event id), so a test
 * sees any event the bus applies twice. `failFor` makes the handler throw for chosen product ids.
 */
export async function startCountingConsumer(
  bus: Bus,
  opts: {
    failFor?: Set<string>;
    maxAttempts?: number;
    groupId?: string;
    db?: TestDb;
    idempotent?: boolean;
    fetchLingerMs?: number;
  } = {},
) {
  const db = opts.db ?? (await testDatabase('bus'));
  const applied = db.conn.collection<{ _id: string; n: number; productId: string }>('applied');
  const groupId = opts.groupId ?? uniqueName('group');
  const consumer: RunningConsumer = await startConsumer({
    bus,
    groupId,
    processed: db.conn.collection('processed_events'),
    maxAttempts: opts.maxAttempts ?? 3,
    retryBaseMs: 10,
    ...(opts.fetchLingerMs !== undefined ? { fetchLingerMs: opts.fetchLingerMs } : {}),
    subscriptions: [
      on(
        ProductPublished,
        async (evt) => {
          if (opts.failFor?.has(evt.data.productId)) throw new Error(`refusing ${evt.data.productId}`);
          await applied.updateOne(
            { _id: evt.id },
            { $inc: { n: 1 }, $set: { productId: evt.data.productId } },
            { upsert: true },
          );
        },
        { idempotent: opts.idempotent ?? false },
      ),
    ],
  });
  return {
    db,
    groupId,
    applied,
    consumer,
    async stop() {
      await consumer.stop();
      await db.drop();
    },
  };
}

export function newTestBus(): Bus {
  return testBus('bus-test');
}

export const productTopic = ProductPublished.topic;
