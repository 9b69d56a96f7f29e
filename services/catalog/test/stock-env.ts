import { catalogTestEnv } from './mongo-env';

/** A catalog test env plus readers of the events each order's reservation document carries. */
export async function stockTestEnv(prefix: string) {
  const env = await catalogTestEnv(prefix);
  const outboxOf = async (orderId: string) => {
    const doc = await env.db.conn.collection('stock_reservations').findOne({ _id: orderId as never });
    return (doc?.outbox ?? []) as { envelope: { type: string; data: Record<string, unknown> } }[];
  };
  return {
    ...env,
    outboxOf,
    /** The short names of the order's events, oldest first: ['reserved', 'committed', …]. */
    eventsOf: async (orderId: string) =>
      (await outboxOf(orderId)).map((e) => e.envelope.type.split('.').pop()),
  };
}
