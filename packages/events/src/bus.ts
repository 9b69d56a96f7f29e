import {
  Kafka,
  type Admin,
  type Consumer,
  logLevel as KafkaLogLevel,
  Partitioners,
  type Producer,
} from 'kafkajs';
import type { Logger } from './logger';
import type { BusObserver } from './observer';

export interface BusOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Prepended to every topic name: lets parallel tests share one broker without seeing each other. */
  topicPrefix?: string;
  partitions?: number;
  /** Told about broker requests, handled records, relay passes (metrics, benchmarks). */
  observer?: BusObserver;
}

/** One Kafka connection per process: a topic namer, a lazily connected producer, and admin helpers. */
export class Bus {
  readonly kafka: Kafka;
  readonly logger: Logger;
  readonly topicPrefix: string;
  /** Replaceable until the first producer/consumer starts (the service kit sets its metrics here). */
  observer: BusObserver;
  private readonly partitions: number;
  private producerPromise: Promise<Producer> | undefined;
  private readonly knownTopics = new Set<string>();
  private pingAdmin: Admin | undefined;

  constructor(opts: BusOptions) {
    this.logger = opts.logger;
    this.topicPrefix = opts.topicPrefix ?? '';
    this.partitions = opts.partitions ?? 3;
    this.observer = opts.observer ?? {};
    const log = opts.logger.child({ component: 'kafkajs' });
    this.kafka = new Kafka({
      clientId: opts.clientId,
      brokers: opts.brokers,
      connectionTimeout: 3000,
      requestTimeout: 10000,
      // kafkajs retries a request a few times; the relay and consumer add their own unbounded retry on top.
      retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5000 },
      logLevel: KafkaLogLevel.WARN,
      logCreator:
        () =>
        ({ level, log: entry }) => {
          const { message, ...extra } = entry;
          if (level <= KafkaLogLevel.ERROR) log.error(extra, message);
          else log.warn(extra, message);
        },
    });
  }

  topic(name: string): string {
    return this.topicPrefix + name;
  }

  /** The logical topic name of a physical one (strips the test prefix). */
  logicalTopic(physical: string): string {
    return physical.startsWith(this.topicPrefix) ? physical.slice(this.topicPrefix.length) : physical;
  }

  producer(): Promise<Producer> {
    this.producerPromise ??= (async () => {
      const producer = this.kafka.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      });
      this.instrument('producer', producer);
      await producer.connect();
      return producer;
    })().catch((err) => {
      this.producerPromise = undefined;
      throw err;
    });
    return this.producerPromise;
  }

  /** Creates the (prefixed) topics that do not exist yet. Safe to call from every process at start. */
  async ensureTopics(names: string[]): Promise<void> {
    const wanted = names.map((n) => this.topic(n)).filter((t) => !this.knownTopics.has(t));
    if (wanted.length === 0) return;
    const admin: Admin = this.kafka.admin();
    this.instrument('admin', admin);
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((t) => !existing.has(t));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: false,
          topics: missing.map((topic) => ({ topic, numPartitions: this.partitions, replicationFactor: -1 })),
        });
      }
      // Wait until every partition has a leader. kafkajs' own wait (waitForLeaders) gives up on
      // UNKNOWN_TOPIC_OR_PARTITION, which a KRaft broker answers for a moment after creating a topic.
      for (let attempt = 0; ; attempt++) {
        try {
          const { topics } = await admin.fetchTopicMetadata({ topics: wanted });
          if (topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) break;
        } catch (err) {
          const type = (err as { type?: string }).type;
          if (type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'LEADER_NOT_AVAILABLE') throw err;
        }
        if (attempt >= 100) throw new Error(`topics ${wanted.join(', ')} have no leader after 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const t of wanted) this.knownTopics.add(t);
    } finally {
      await admin.disconnect();
    }
  }

  /** For /readyz: true when the cluster answers a metadata request. */
  async ping(): Promise<boolean> {
    if (!this.pingAdmin) {
      this.pingAdmin = this.kafka.admin();
      this.instrument('admin', this.pingAdmin);
    }
    try {
      await this.pingAdmin.connect();
      await this.pingAdmin.describeCluster();
      return true;
    } catch {
      return false;
    }
  }

  /** Reports every request a kafkajs client sends (by API name) to the observer, if it wants them. */
  instrument(kind: 'producer' | 'consumer' | 'admin', client: Producer | Consumer | Admin): void {
    if (!this.observer.kafkaRequest) return;
    const emitter = client as unknown as {
      on(event: string, listener: (e: { payload: { apiName: string; duration: number } }) => void): void;
    };
    emitter.on(client.events.REQUEST, (e) =>
      this.observer.kafkaRequest?.(kind, e.payload.apiName, e.payload.duration),
    );
  }

  async disconnect(): Promise<void> {
    await this.pingAdmin?.disconnect().catch(() => undefined);
    const p = this.producerPromise;
    this.producerPromise = undefined;
    if (p) await (await p.catch(() => undefined))?.disconnect();
  }
}
