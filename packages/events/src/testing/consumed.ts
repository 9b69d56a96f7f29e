import { EVENT_REGISTRY, type Envelope } from '@pasar/contracts';
import { waitFor } from '@pasar/testkit';
import type { Bus } from '../bus';

/**
 * Waits until a consumer group has committed every record that is on `logicalTopics` now. The
 * consumer commits an offset only after the record's handler (and any processed id) was written,
 * so this is proof that everything published before the call was applied — also for an
 * idempotent subscription, which leaves no processed id to look for.
 */
export async function waitUntilConsumed(
  bus: Bus,
  groupId: string,
  logicalTopics: string[],
  opts: { timeoutMs?: number } = {},
): Promise<void> {
  const admin = bus.kafka.admin();
  await admin.connect();
  try {
    const ends = new Map<string, Map<number, number>>();
    for (const t of new Set(logicalTopics)) {
      const physical = bus.topic(t);
      const offsets = await admin.fetchTopicOffsets(physical);
      ends.set(physical, new Map(offsets.map((o) => [o.partition, Number(o.high)])));
    }
    await waitFor(
      async () => {
        const committed = await admin.fetchOffsets({ groupId, topics: [...ends.keys()] });
        return committed.every((t) =>
          t.partitions.every((p) => {
            const end = ends.get(t.topic)?.get(p.partition) ?? 0;
            return end === 0 || Number(p.offset) >= end;
          }),
        );
      },
      { what: `${groupId} consumed ${logicalTopics.join(', ')}`, ...opts },
    );
  } finally {
    await admin.disconnect();
  }
}

/** Waits until the group applied `event` (and everything before it on its topic). */
export function waitUntilHandled(
  bus: Bus,
  groupId: string,
  event: Envelope,
  opts: { timeoutMs?: number } = {},
): Promise<void> {
  const def = EVENT_REGISTRY.get(event.type);
  if (!def) throw new Error(`unknown event type ${event.type}`);
  return waitUntilConsumed(bus, groupId, [def.topic], opts);
}
