import type { BusObserver } from '@pasar/events';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type mongoose from 'mongoose';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one service process (prom-client), served at `/metrics` by every app the
 * kit creates. One registry per process: several apps in one test process share it.
 * What each metric means: packages/service-kit/README.md ("Metrics").
 *
 * Hot path: a request costs one counter and one histogram update with pre-bound label sets where
 * the labels repeat (route × method × status), a handled record one histogram update.
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  private readonly httpRequests = new Counter({
    name: 'pasar_http_requests_total',
    help: 'HTTP requests answered, by route pattern (not raw path), method and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'pasar_http_request_duration_seconds',
    help: 'Time from the request entering the app to the response being ready, by route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly kafkaRequests = new Counter({
    name: 'pasar_kafka_requests_total',
    help: 'Requests kafkajs sent to the broker, by client (producer/consumer/admin) and Kafka API',
    labelNames: ['client', 'api'] as const,
    registers: [this.registry],
  });
  private readonly mongoCommands = new Counter({
    name: 'pasar_mongo_commands_total',
    help: 'Database commands sent (driver command monitoring), by command name and collection',
    labelNames: ['command', 'collection'] as const,
    registers: [this.registry],
  });
  private readonly mongoDuration = new Histogram({
    name: 'pasar_mongo_command_duration_seconds',
    help: 'Database command round trip as the driver saw it, by command name',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  private readonly handlerDuration = new Histogram({
    name: 'pasar_consumer_handler_duration_seconds',
    help: 'Event handler time per record, by topic and outcome (ok, retry = threw, duplicate = skipped)',
    labelNames: ['topic', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });
  private readonly consumerLag = new Gauge({
    name: 'pasar_consumer_lag_records',
    help: "Records between the consumer group's position and the partition's end, at the last batch",
    labelNames: ['topic', 'partition'] as const,
    registers: [this.registry],
  });
  private readonly consumerBatches = new Counter({
    name: 'pasar_consumer_batches_total',
    help: 'Batches handed to the consumer (one partition each), by topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });
  private readonly consumerRecords = new Counter({
    name: 'pasar_consumer_records_total',
    help: 'Records received by the consumer (every type on the topic), by topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });
  private readonly deadLetters = new Counter({
    name: 'pasar_dead_letters_total',
    help: 'Records parked on <topic>.dlq.<group>, by original topic and reason',
    labelNames: ['topic', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly relayPublished = new Counter({
    name: 'pasar_outbox_published_total',
    help: 'Outbox events the relay published (acks=-1), by topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });
  private readonly relayPasses = new Counter({
    name: 'pasar_outbox_relay_passes_total',
    help: 'Relay passes over one collection: sweep (scans for pending events) or nudge (reads written documents by _id)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly relayDocs = new Counter({
    name: 'pasar_outbox_relay_documents_read_total',
    help: 'Documents with pending events the relay read, by pass kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly oldestPending = new Map<string, number | undefined>();
  private readonly logLines = new Counter({
    name: 'pasar_log_lines_total',
    help: 'Log lines written, by level',
    labelNames: ['level'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Event-loop delay sampled every 100 ms (the 10 ms default costs an idle process ~3 ms CPU per second).
    collectDefaultMetrics({ register: this.registry, prefix: 'pasar_', eventLoopMonitoringPrecision: 100 });
    const oldest = this.oldestPending;
    new Gauge({
      name: 'pasar_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest event the relay has read and not yet published (0 when none), by collection',
      labelNames: ['collection'] as const,
      registers: [this.registry],
      collect() {
        const now = Date.now();
        for (const [collection, at] of oldest)
          this.set({ collection }, at === undefined ? 0 : Math.max(0, (now - at) / 1000));
      },
    });
  }

  /** What the bus, consumers and relay report (pass as `new Bus({ observer })`). */
  readonly busObserver: BusObserver = {
    kafkaRequest: (client, api) => this.kafkaRequests.inc({ client, api }),
    handled: (topic, outcome, ms) => this.handlerDuration.observe({ topic, outcome }, ms / 1000),
    consumerLag: (topic, partition, lag) =>
      this.consumerLag.set({ topic, partition: String(partition) }, lag),
    consumerBatch: (topic, records) => {
      this.consumerBatches.inc({ topic });
      this.consumerRecords.inc({ topic }, records);
    },
    deadLettered: (topic, reason) => this.deadLetters.inc({ topic, reason }),
    relayPublished: (topic, count) => this.relayPublished.inc({ topic }, count),
    relayPass: (kind, docs) => {
      this.relayPasses.inc({ kind });
      if (docs > 0) this.relayDocs.inc({ kind }, docs);
    },
    outboxOldestPending: (collection, at) => {
      // undefined (nothing pending) is kept as 0, so the series stays visible.
      this.oldestPending.set(collection, at);
    },
  };

  /** Counts every command the connection's driver sends (needs `monitorCommands: true`, see connectMongo). */
  watchMongo(conn: mongoose.Connection): void {
    const client = conn.getClient();
    const started = this.mongoCommands;
    const duration = this.mongoDuration;
    client.on('commandStarted', (e) => {
      const target = e.command[e.commandName];
      started.inc({ command: e.commandName, collection: typeof target === 'string' ? target : '' });
    });
    client.on('commandSucceeded', (e) =>
      duration.observe({ command: e.commandName, outcome: 'ok' }, e.duration / 1000),
    );
    client.on('commandFailed', (e) =>
      duration.observe({ command: e.commandName, outcome: 'error' }, e.duration / 1000),
    );
  }

  /** A pino `hooks.logMethod` counting lines per level (lines of disabled levels never reach it). */
  countLogLine(level: number): void {
    this.logLines.inc({ level: LEVEL_NAMES[level] ?? String(level) });
  }

  /** Hono middleware: rate, errors and duration per route pattern. Mount it first. */
  http(): MiddlewareHandler {
    // Label children bound once per route × method (× status): no label hashing per request.
    type Bound = { timer: { observe(v: number): void }; byStatus: Map<number, { inc(): void }> };
    const bound = new Map<string, Bound>();
    return async (c, next) => {
      const started = performance.now();
      await next();
      const route = routeLabel(c);
      const method = c.req.method;
      const key = `${method} ${route}`;
      let b = bound.get(key);
      if (!b) {
        b = { timer: this.httpDuration.labels(method, route), byStatus: new Map() };
        bound.set(key, b);
      }
      const status = c.res.status;
      let counter = b.byStatus.get(status);
      if (!counter) {
        counter = this.httpRequests.labels(method, route, String(status));
        b.byStatus.set(status, counter);
      }
      counter.inc();
      b.timer.observe((performance.now() - started) / 1000);
    };
  }

  async render(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}

const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** The route pattern that answered (`/cooperatives/:cooperativeId/products`), never the raw path. */
function routeLabel(c: Context): string {
  const path = routePath(c);
  // Only a kit middleware (`*`, `/*`) matched: the request fell through to notFound.
  return path === '' || path === '*' || path === '/*' ? '(unmatched)' : path;
}

let shared: ServiceMetrics | undefined;

/** The process's metrics (created on first use). */
export function serviceMetrics(): ServiceMetrics {
  shared ??= new ServiceMetrics();
  return shared;
}
