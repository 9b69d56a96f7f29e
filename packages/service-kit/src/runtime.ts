import { ALL_TOPICS } from '@pasar/contracts';
import {
  Bus,
  createLogger,
  type Logger,
  type RelayOptions,
  type RunningConsumer,
  type Subscription,
  startConsumer,
  startOutboxRelay,
} from '@pasar/events';
import type { Hono } from 'hono';
import type mongoose from 'mongoose';
import type { ReadinessCheck } from './app';
import type { BaseConfigSchema } from './config';
import { type ServiceMetrics, serviceMetrics } from './metrics';
import { connectMongo, pingMongo } from './mongo';
import { runService, type Shutdown } from './run';
import type { z } from 'zod';

type BaseConfig = z.infer<typeof BaseConfigSchema>;

export interface ServiceRuntime {
  logger: Logger;
  conn: mongoose.Connection;
  bus: Bus;
  /** Prometheus metrics of this process (served at /metrics by createServiceApp). */
  metrics: ServiceMetrics;
  /** For /readyz: the database and the broker answer. */
  readiness: Record<string, ReadinessCheck>;
  /** Starts the outbox relay over these collections; stopped on shutdown. */
  relay(
    collections: mongoose.mongo.Collection[],
    opts?: Pick<RelayOptions, 'sweepIntervalMs'>,
  ): ReturnType<typeof startOutboxRelay>;
  /** Joins the service's consumer group (`<prefix><service>`); stopped on shutdown. */
  consume(subscriptions: Subscription[]): Promise<RunningConsumer>;
  /** What the service's other consumer groups take from its configuration (spread into startConsumer). */
  consumerOptions: { fetchLingerMs: number };
  /** Adds a step to run on SIGTERM (steps run in reverse order of registration). */
  onShutdown(step: Shutdown): void;
  // biome-ignore lint/suspicious/noExplicitAny: any Hono env is fine here
  serve(app: Hono<any>): Promise<{ port: number }>;
}

/**
 * What every service's main.ts opens, in order: logger → MongoDB → Kafka (topics ensured) → relay
 * → consumer → HTTP. Shutdown runs in reverse: consumer, relay, broker, database.
 */
export async function openRuntime(name: string, config: BaseConfig): Promise<ServiceRuntime> {
  const metrics = serviceMetrics();
  const logger = createLogger(name, config.LOG_LEVEL, { countLine: (l) => metrics.countLogLine(l) });
  const monitorCommands = config.MONGO_COMMAND_METRICS === 'on';
  const conn = await connectMongo(config.MONGO_URL, { monitorCommands });
  if (monitorCommands) metrics.watchMongo(conn);
  /** One source for every consumer group of the service (its own and, spread in, any other). */
  const consumerOptions = { fetchLingerMs: config.KAFKA_FETCH_LINGER_MS };
  const bus = new Bus({
    brokers: config.KAFKA_BROKERS,
    clientId: name,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    logger,
    observer: metrics.busObserver,
  });
  await bus.ensureTopics(ALL_TOPICS);
  const shutdown: Shutdown[] = [() => conn.close(), () => bus.disconnect()];
  return {
    logger,
    conn,
    bus,
    metrics,
    readiness: { mongo: () => pingMongo(conn), kafka: () => bus.ping() },
    relay(collections, opts = {}) {
      const relay = startOutboxRelay({ bus, collections, ...opts });
      shutdown.push(() => relay.stop());
      return relay;
    },
    consumerOptions,
    async consume(subscriptions) {
      const consumer = await startConsumer({
        bus,
        groupId: `${config.KAFKA_TOPIC_PREFIX}${name}`,
        subscriptions,
        processed: conn.collection('processed_events'),
        ...consumerOptions,
      });
      shutdown.push(() => consumer.stop());
      return consumer;
    },
    onShutdown(step) {
      shutdown.push(step);
    },
    serve(app) {
      return runService({ app, port: config.PORT, host: config.HOST, logger, shutdown });
    },
  };
}
