/**
 * What the bus, the consumer and the relay report while they work. The service kit turns these
 * calls into Prometheus metrics (packages/service-kit/src/metrics.ts); benchmarks count with them.
 * Every method is optional and called on the hot path: implementations must be cheap and never throw.
 */
export interface BusObserver {
  /** A request a kafkajs client sent to the broker (kafkajs instrumentation event REQUEST). */
  kafkaRequest?(client: 'producer' | 'consumer' | 'admin', apiName: string, durationMs: number): void;
  /** One handler call finished (or the record was skipped as a duplicate). */
  handled?(topic: string, outcome: 'ok' | 'duplicate' | 'retry', durationMs: number): void;
  /** Records between the consumer's position and the partition's end (high watermark). */
  consumerLag?(topic: string, partition: number, lag: number): void;
  /** A consumer batch finished: its records, and whether its processed ids were written. */
  consumerBatch?(topic: string, records: number): void;
  /** A record was parked on `<topic>.dlq.<group>`. */
  deadLettered?(topic: string, reason: string): void;
  /** The relay published `count` events to `topic` (after acks=-1). */
  relayPublished?(topic: string, count: number): void;
  /** One relay pass: a full sweep or the nudged documents; `docs` read, `published` events. */
  relayPass?(kind: 'sweep' | 'nudge', docs: number, published: number, durationMs: number): void;
  /** Time (ms since epoch) of the oldest event the relay has read and not yet published, or undefined. */
  outboxOldestPending?(collection: string, eventTime: number | undefined): void;
}
