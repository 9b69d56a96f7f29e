import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFerretDb } from './ferretdb';
import { startKafka } from './kafka';
import { MIDTRANS_SERVER_KEY, startMidtransSandbox } from './midtrans-sandbox';
import { isAlive } from './process';
import { provisionEngines } from './provision';
import { stackEnv, startStack } from './stack';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pasar-stack-test-'));
  dirs.push(dir);
  return dir;
};

beforeAll(() => provisionEngines({ log: (m) => console.log(`[provision] ${m}`) }));
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const midtransAuth = `Basic ${Buffer.from(`${MIDTRANS_SERVER_KEY}:`).toString('base64')}`;

/** A Snap transaction through the sandbox's HTTP API; returns the HTTP status of the answer. */
async function snapCreate(baseUrl: string, orderId: string): Promise<number> {
  const res = await fetch(`${baseUrl}/snap/v1/transactions`, {
    method: 'POST',
    headers: { authorization: midtransAuth, 'content-type': 'application/json' },
    body: JSON.stringify({ transaction_details: { order_id: orderId, gross_amount: 10_000 } }),
  });
  await res.arrayBuffer();
  return res.status;
}

async function produce(brokers: string, topic: string, values: string[]): Promise<void> {
  const kafka = new Kafka({ clientId: 'stack-test', brokers: [brokers], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: 'k', value })) });
  await producer.disconnect();
}

/** Reads `count` messages of `topic` from the beginning with a fresh consumer group. */
async function consume(brokers: string, topic: string, count: number): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'stack-test', brokers: [brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `g-${Date.now()}-${Math.random()}`, maxWaitTimeInMs: 50 });
  const got: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      got.push(message.value?.toString() ?? '');
    },
  });
  const deadline = Date.now() + 30_000;
  while (got.length < count && Date.now() < deadline) await sleep(50);
  await consumer.disconnect();
  return got;
}

/** The first line an SMTP server sends on connect (`220 … ESMTP …`). */
function smtpGreeting(smtpUrl: string): Promise<string> {
  const { hostname, port } = new URL(smtpUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    socket.setTimeout(5000, () => socket.destroy(new Error('no SMTP greeting')));
    socket.once('data', (d) => {
      socket.end('QUIT\r\n');
      resolve(d.toString());
    });
    socket.once('error', reject);
  });
}

describe('local stack (real engines)', () => {
  it('starts Kafka, FerretDB, stripe-mock, the Midtrans sandbox and Mailpit on free ports, serves real requests, and stops cleanly', async () => {
    const stack = await startStack({ dataDir: tempDir(), ports: 'free' });
    const pids = [
      stack.kafka.pid(),
      stack.ferretDb.pid(),
      stack.stripeMock.pid(),
      stack.midtransSandbox.pid(),
      stack.mailpit.pid(),
    ];
    try {
      expect(pids.every((p) => typeof p === 'number')).toBe(true);
      expect(stack.kafkaBrokers).toMatch(/^127\.0\.0\.1:\d+$/);

      // Kafka: metadata, topic creation, produce + consume.
      const admin = new Kafka({
        clientId: 't',
        brokers: [stack.kafkaBrokers],
        logLevel: logLevel.NOTHING,
      }).admin();
      await admin.connect();
      expect((await admin.describeCluster()).brokers).toHaveLength(1);
      await admin.createTopics({
        topics: [{ topic: 'stack.test.v1', numPartitions: 3 }],
        waitForLeaders: true,
      });
      expect(await admin.listTopics()).toContain('stack.test.v1');
      await admin.disconnect();
      await produce(stack.kafkaBrokers, 'stack.test.v1', ['hello']);
      expect(await consume(stack.kafkaBrokers, 'stack.test.v1', 1)).toEqual(['hello']);

      // FerretDB: ping and an insert/find round trip.
      const client = new mongoose.mongo.MongoClient(stack.mongoUrl);
      await client.connect();
      expect((await client.db('admin').command({ ping: 1 })).ok).toBe(1);
      const coll = client.db('pasar_stack_test').collection<{ _id: string; qty: number }>('items');
      await coll.insertOne({ _id: 'a', qty: 3 });
      expect(await coll.findOne({ _id: 'a' })).toEqual({ _id: 'a', qty: 3 });
      await client.close();

      // stripe-mock: a real HTTP answer from the mocked Stripe API.
      const res = await fetch(`${stack.stripeApiBase}/v1/customers`, {
        headers: { Authorization: 'Bearer sk_test_123' },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { object: string }).object).toBe('list');

      // Midtrans sandbox: Snap takes the dev server key; the Core API knows no method chosen yet.
      expect(stackEnv(stack)).toMatchObject({
        MIDTRANS_BASE_URL: stack.midtransBaseUrl,
        MIDTRANS_SERVER_KEY: MIDTRANS_SERVER_KEY,
      });
      expect(await snapCreate(stack.midtransBaseUrl, 'stack-test-1')).toBe(201);
      const status = await fetch(`${stack.midtransBaseUrl}/v2/stack-test-1/status`, {
        headers: { authorization: midtransAuth },
      });
      expect(await status.json()).toMatchObject({ status_code: '404' });

      // Mailpit: the env names it, SMTP greets, and its API answers with an empty mailbox.
      expect(stackEnv(stack)).toMatchObject({
        SMTP_URL: stack.mailpit.smtpUrl,
        MAILPIT_API: stack.mailpit.apiBase,
      });
      expect(await smtpGreeting(stack.mailpit.smtpUrl)).toMatch(/^220 /);
      const info = await fetch(`${stack.mailpit.apiBase}/api/v1/info`);
      expect(info.status).toBe(200);
      const box = await fetch(`${stack.mailpit.apiBase}/api/v1/messages`);
      expect(((await box.json()) as { total: number }).total).toBe(0);
    } finally {
      await stack.stop();
    }
    expect(stack.kafka.pid()).toBeUndefined();
    expect(stack.ferretDb.pid()).toBeUndefined();
    expect(stack.stripeMock.pid()).toBeUndefined();
    expect(stack.midtransSandbox.pid()).toBeUndefined();
    expect(stack.mailpit.pid()).toBeUndefined();
    for (const pid of pids) expect(isAlive(pid!)).toBe(false);
  });

  it('keeps a topic across Kafka restart(), after a graceful stop and after a crash (kill)', async () => {
    const kafka = await startKafka({ dataDir: tempDir() });
    try {
      const topic = 'restart.test.v1';
      await produce(kafka.brokers, topic, ['one', 'two']);
      const firstPid = kafka.pid()!;

      await kafka.restart();
      expect(isAlive(firstPid)).toBe(false);
      expect(kafka.pid()).not.toBe(firstPid);
      expect((await consume(kafka.brokers, topic, 2)).sort()).toEqual(['one', 'two']);

      await produce(kafka.brokers, topic, ['three']);
      await kafka.kill();
      expect(kafka.pid()).toBeUndefined();
      await kafka.restart();
      expect((await consume(kafka.brokers, topic, 3)).sort()).toEqual(['one', 'three', 'two']);
    } finally {
      await kafka.stop();
    }
    expect(kafka.pid()).toBeUndefined();
  });

  it('starts FerretDB in a data dir whose path is far longer than a Unix socket path may be', async () => {
    let dataDir = tempDir();
    while (dataDir.length < 200) dataDir = join(dataDir, 'a-deep-checkout-path-segment');
    const ferret = await startFerretDb({ dataDir });
    const client = new mongoose.mongo.MongoClient(ferret.url);
    try {
      await client.connect();
      const coll = client.db('pasar_longpath').collection<{ _id: string; n: number }>('docs');
      await coll.insertOne({ _id: 'a', n: 1 });
      expect(await coll.findOne({ _id: 'a', n: 1 })).toEqual({ _id: 'a', n: 1 });
    } finally {
      await client.close();
      await ferret.stop();
    }
  });

  it('kills a stale engine left running by an earlier run of the same data dir', async () => {
    const dataDir = tempDir();
    const first = await startFerretDb({ dataDir });
    const stalePid = first.pid()!;
    const second = await startFerretDb({ dataDir });
    try {
      expect(isAlive(stalePid)).toBe(false);
      expect(second.pid()).toBeTypeOf('number');
    } finally {
      await second.stop();
      await first.stop();
    }
  });

  it('starts the Midtrans sandbox alone, replaces a stale one of the same data dir, and stops it', async () => {
    const dataDir = tempDir();
    const first = await startMidtransSandbox({ dataDir });
    const stalePid = first.pid()!;
    expect(await snapCreate(first.baseUrl, 'alone-1')).toBe(201);
    const second = await startMidtransSandbox({ dataDir });
    try {
      expect(isAlive(stalePid)).toBe(false);
      // In memory: the new process has forgotten the first one's orders, so the same id is new again.
      expect(await snapCreate(second.baseUrl, 'alone-1')).toBe(201);
      expect(await snapCreate(second.baseUrl, 'alone-1')).toBe(406);
    } finally {
      await second.stop();
      await first.stop();
    }
    expect(second.pid()).toBeUndefined();
  });
});
