import { join } from 'node:path';
import { dlqTopic, newEvent, ProductPublished } from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import { mongoUrlFor, spawnTs, testInfra, uniqueName, waitFor } from '@pasar/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { startCountingConsumer, newTestBus } from '../test/harness';
import { drainDeadLetters } from './dlq';

const writer = join(import.meta.dirname, '..', 'test', 'outbox-writer.ts');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function productEvent(productId: string) {
  return newEvent(
    ProductPublished,
    productId,
    { ...(SAMPLE_DATA[ProductPublished.type] as object), productId } as never,
    {
      source: 'urn:pasar:test',
      cooperativeId: 'karangbesuki',
    },
  );
}

describe('event bus over the real broker', () => {
  it('(a) delivers an event written with its state change to a consumer in another process', async () => {
    const bus = newTestBus();
    cleanups.push(() => bus.disconnect());
    const group = await startCountingConsumer(bus);
    cleanups.push(() => group.stop());
    const dbUrl = mongoUrlFor(uniqueName('writer'));
    const proc = spawnTs(writer, {
      KAFKA_BROKERS: testInfra().kafkaBrokers,
      MONGO_URL: dbUrl,
      TOPIC_PREFIX: bus.topicPrefix,
      COUNT: '5',
    });
    cleanups.push(() => proc.stop());

    const applied = await waitFor(
      async () => {
        const docs = await group.applied.find().toArray();
        return docs.length === 5 ? docs : undefined;
      },
      { what: 'five events applied' },
    );

    expect(applied.map((d) => d.productId).sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(applied.every((d) => d.n === 1)).toBe(true);
  });

  it('(b) applies the same event delivered twice only once', async () => {
    const bus = newTestBus();
    cleanups.push(() => bus.disconnect());
    const group = await startCountingConsumer(bus);
    cleanups.push(() => group.stop());
    const evt = productEvent('dup-1');
    const marker = productEvent('marker');
    const producer = await bus.producer();
    const record = { key: evt.subject, value: JSON.stringify(evt) };

    await producer.send({ topic: bus.topic(ProductPublished.topic), messages: [record, record] });
    await producer.send({
      topic: bus.topic(ProductPublished.topic),
      messages: [record, { key: 'dup-1', value: JSON.stringify(marker) }],
    });

    await waitFor(() => group.applied.findOne({ _id: marker.id }), { what: 'marker applied' });
    expect((await group.applied.findOne({ _id: evt.id }))?.n).toBe(1);
  });

  it('(b) applies a duplicate once even when it arrives after the consumer restarted', async () => {
    const bus = newTestBus();
    cleanups.push(() => bus.disconnect());
    const group = await startCountingConsumer(bus);
    const evt = productEvent('dup-2');
    const producer = await bus.producer();
    const record = { key: evt.subject, value: JSON.stringify(evt) };
    await producer.send({ topic: bus.topic(ProductPublished.topic), messages: [record] });
    await waitFor(() => group.applied.findOne({ _id: evt.id }), { what: 'first delivery applied' });
    await group.consumer.stop();

    const restarted = await startCountingConsumer(bus, { groupId: group.groupId, db: group.db });
    cleanups.push(() => restarted.stop());
    const marker = productEvent('marker-2');
    await producer.send({
      topic: bus.topic(ProductPublished.topic),
      messages: [record, { key: 'dup-2', value: JSON.stringify(marker) }],
    });

    await waitFor(() => restarted.applied.findOne({ _id: marker.id }), {
      what: 'marker applied after restart',
    });
    expect((await restarted.applied.findOne({ _id: evt.id }))?.n).toBe(1);
  });

  it('an idempotent subscription writes no processed ids: a duplicate in the window is skipped, one after a restart runs again', async () => {
    const bus = newTestBus();
    cleanups.push(() => bus.disconnect());
    // The counting handler is deliberately not idempotent, so the test sees exactly when it runs.
    // With a fetch linger too: the consumer pauses after each batch and still gets every record.
    const group = await startCountingConsumer(bus, { idempotent: true, fetchLingerMs: 20 });
    const evt = productEvent('idem-1');
    const producer = await bus.producer();
    const record = { key: evt.subject, value: JSON.stringify(evt) };
    const marker = productEvent('idem-marker');
    await producer.send({ topic: bus.topic(ProductPublished.topic), messages: [record, record] });
    await producer.send({
      topic: bus.topic(ProductPublished.topic),
      messages: [record, { key: 'idem-1', value: JSON.stringify(marker) }],
    });
    await waitFor(() => group.applied.findOne({ _id: marker.id }), { what: 'marker applied' });
    expect((await group.applied.findOne({ _id: evt.id }))?.n).toBe(1);
    expect(await group.db.conn.collection('processed_events').countDocuments()).toBe(0);
    await group.consumer.stop();

    // A new process has no window: the redelivered duplicate runs the handler again (which is why
    // only a handler whose own writes make that a no-op may be marked idempotent).
    const restarted = await startCountingConsumer(bus, {
      groupId: group.groupId,
      db: group.db,
      idempotent: true,
    });
    cleanups.push(() => restarted.stop());
    const marker2 = productEvent('idem-marker-2');
    await producer.send({
      topic: bus.topic(ProductPublished.topic),
      messages: [record, { key: 'idem-1', value: JSON.stringify(marker2) }],
    });
    await waitFor(() => restarted.applied.findOne({ _id: marker2.id }), { what: 'second marker applied' });
    expect((await restarted.applied.findOne({ _id: evt.id }))?.n).toBe(2);
    expect(await group.db.conn.collection('processed_events').countDocuments()).toBe(0);
  });

  it('(c) parks records that do not parse on the dead-letter topic and keeps consuming', async () => {
    const bus = newTestBus();
    cleanups.push(() => bus.disconnect());
    const group = await startCountingConsumer(bus);
    cleanups.push(() => group.stop());
    const good = productEvent('after-poison');
    const badData = {
      ...productEvent('bad'),
      data: { ...(SAMPLE_DATA[ProductPublished.type] as object), price: 12.5 },
    };
    const producer = await bus.producer();

    await producer.send({
      topic: bus.topic(ProductPublished.topic),
      messages: [
        { key: 'same-key', value: '{not json' },
        { key: 'same-key', value: JSON.stringify(badData) },
        { key: 'same-key', value: JSON.stringify(good) },
      ],
    });

    await waitFor(() => group.applied.findOne({ _id: good.id }), { what: 'the good event after the poison' });
    const letters = await drainDeadLetters(bus, dlqTopic(ProductPublished.topic, group.groupId), {
      replay: false,
    });
    expect(letters.map((l) => l.reason)).toEqual(['MALFORMED_JSON', 'INVALID_DATA']);
    expect(letters[1]?.error).toContain('data.price');
    expect(letters[0]?.originalTopic).toBe(ProductPublished.topic);
  });

  it('parks a record whose handler keeps failing, and a replay applies it once fixed', async () => {
    const bus = newTestBus();
    cleanups.push(() => bus.disconnect());
    const failFor = new Set(['flaky']);
    const group = await startCountingConsumer(bus, { failFor, maxAttempts: 2 });
    cleanups.push(() => group.stop());
    const flaky = productEvent('flaky');
    const after = productEvent('after-flaky');
    const producer = await bus.producer();

    await producer.send({
      topic: bus.topic(ProductPublished.topic),
      messages: [flaky, after].map((e) => ({ key: 'k', value: JSON.stringify(e) })),
    });
    await waitFor(() => group.applied.findOne({ _id: after.id }), {
      what: 'the event after the failing one',
    });
    expect(await group.applied.findOne({ _id: flaky.id })).toBeNull();

    failFor.clear();
    const dlq = dlqTopic(ProductPublished.topic, group.groupId);
    const replayed = await drainDeadLetters(bus, dlq, { replay: true });
    expect(replayed).toHaveLength(1);
    expect(replayed[0]).toMatchObject({ reason: 'HANDLER_FAILED', error: 'refusing flaky', attempts: '2' });

    await waitFor(() => group.applied.findOne({ _id: flaky.id }), { what: 'the replayed event' });
    expect(await drainDeadLetters(bus, dlq, { replay: true })).toHaveLength(0); // nothing replays twice
  });

  it('(d) publishes, after a restart, the events of a relay killed between write and publish', async () => {
    const bus = newTestBus();
    cleanups.push(() => bus.disconnect());
    const group = await startCountingConsumer(bus);
    cleanups.push(() => group.stop());
    const env = {
      KAFKA_BROKERS: testInfra().kafkaBrokers,
      MONGO_URL: mongoUrlFor(uniqueName('relay')),
      TOPIC_PREFIX: bus.topicPrefix,
    };
    const first = spawnTs(writer, { ...env, COUNT: '20', PAUSE_BEFORE_PUBLISH: '1' });
    await waitFor(() => first.output().includes('ABOUT_TO_PUBLISH'), { what: 'relay about to publish' });

    await first.kill(); // SIGKILL: no chance to publish or clean up
    expect(await group.applied.countDocuments()).toBe(0);
    const second = spawnTs(writer, { ...env, COUNT: '0' });
    cleanups.push(() => second.stop());

    await waitFor(async () => (await group.applied.countDocuments()) === 20, {
      what: 'all 20 events after restart',
    });
    const docs = await group.applied.find().toArray();
    expect(new Set(docs.map((d) => d.productId)).size).toBe(20);
    expect(docs.every((d) => d.n === 1)).toBe(true);
  });
});
