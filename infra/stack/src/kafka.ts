import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { paths } from './paths';
import { assertPortFree, freePorts } from './ports';
import { type Engine, killEngine, killStale, runHelper, spawnEngine, stopEngine, waitReady } from './process';
import type { KafkaHandle, Log } from './types';

const READY_TIMEOUT_MS = 60_000;

function serverProperties(port: number, controllerPort: number, logDirs: string): string {
  return `${[
    '# Written by @pasar/infra on every start: a single KRaft node (broker + controller).',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${logDirs}`,
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'num.partitions=3',
    'auto.create.topics.enable=true',
    // After a crash (SIGKILL) the new incarnation is refused (DUPLICATE_BROKER_REGISTRATION) until the old
    // session expires: the 9s default made crash-restarts take ~15s; 3s keeps them to a few seconds.
    'broker.session.timeout.ms=3000',
    'broker.heartbeat.interval.ms=500',
  ].join('\n')}\n`;
}

const LOG4J = `log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaRaftServer=INFO
`;

/** Same format as Kafka's Uuid.randomUuid(): 16 random bytes, base64url without padding. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** Where a Kafka data dir keeps things; `marker` identifies its process (stale-pid check). */
export function kafkaFiles(dataDir: string) {
  const props = join(dataDir, 'server.properties');
  return {
    logDirs: join(dataDir, 'kraft'),
    props,
    log4j: join(dataDir, 'log4j.properties'),
    logFile: join(dataDir, 'broker.log'),
    pidFile: join(dataDir, 'kafka.pid'),
    marker: props,
  };
}

/**
 * Starts a single-node KRaft Kafka from the jars in .pasar/kafka/libs. Formats the storage on first
 * start, then waits until a kafkajs admin metadata request succeeds. Ports default to free ones.
 */
export async function startKafka(opts: {
  dataDir: string;
  port?: number;
  controllerPort?: number;
  log?: Log;
}): Promise<KafkaHandle> {
  const log = opts.log ?? (() => {});
  const dataDir = resolve(opts.dataDir);
  const libs = paths.kafkaLibs();
  if (!existsSync(libs)) {
    throw new Error(
      `Kafka jars are missing at ${libs}: run provisionEngines() or \`pnpm stack provision\` first`,
    );
  }
  const [free1, free2] = (await freePorts(2)) as [number, number];
  const port = opts.port ?? free1;
  const controllerPort = opts.controllerPort ?? (free2 !== port ? free2 : free1);
  const brokers = `127.0.0.1:${port}`;
  const { logDirs, props, log4j, logFile, pidFile } = kafkaFiles(dataDir);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(props, serverProperties(port, controllerPort, logDirs));
  writeFileSync(log4j, LOG4J);
  const java = (main: string) => [
    '-Xmx512m',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-Djava.awt.headless=true',
    // Profiling only: PASAR_KAFKA_JFR=<file.jfr> records the broker with Java Flight Recorder
    // (`jfr print --events jdk.ExecutionSample <file>`), written when the broker stops.
    ...(process.env.PASAR_KAFKA_JFR && main === 'kafka.Kafka'
      ? [`-XX:StartFlightRecording=filename=${process.env.PASAR_KAFKA_JFR},settings=profile`]
      : []),
    `-Dlog4j.configuration=file:${log4j}`,
    `-Dkafka.logs.dir=${dataDir}`,
    '-cp',
    `${libs}/*`,
    main,
  ];

  await killStale(pidFile, props, log);
  if (!existsSync(join(logDirs, 'meta.properties'))) {
    log(`Kafka: formatting storage in ${logDirs}`);
    const args = [
      ...java('kafka.tools.StorageTool'),
      'format',
      '--ignore-formatted',
      '-t',
      clusterId(),
      '-c',
      props,
    ];
    const { code, output } = await runHelper('java', args);
    if (code !== 0) throw new Error(`Kafka storage format failed (exit ${code}):\n${output}`);
  }

  const probeClient = new Kafka({
    clientId: 'pasar-stack-probe',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 1000,
    requestTimeout: 3000,
  });
  const probe = async () => {
    const admin = probeClient.admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length === 0) throw new Error('metadata lists no live broker yet');
    } finally {
      await admin.disconnect();
    }
  };

  const launch = async (): Promise<Engine> => {
    await assertPortFree(port, 'Kafka');
    await assertPortFree(controllerPort, 'Kafka controller');
    log(`Kafka: starting on ${brokers} (controller ${controllerPort}, log ${logFile})`);
    const engine = spawnEngine({
      name: 'Kafka',
      command: 'java',
      args: [...java('kafka.Kafka'), props],
      logFile,
      pidFile,
      marker: props,
    });
    await waitReady(engine, `metadata from ${brokers}`, probe, READY_TIMEOUT_MS);
    log(`Kafka: ready on ${brokers}`);
    return engine;
  };

  let engine = await launch();
  return {
    brokers,
    pid: () => (engine.running() ? engine.pid : undefined),
    stop: () => stopEngine(engine),
    kill: () => killEngine(engine),
    async restart() {
      await stopEngine(engine);
      engine = await launch();
    },
  };
}
