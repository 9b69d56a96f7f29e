export type Log = (msg: string) => void;

export interface EngineHandle {
  /** SIGTERM, wait up to ~10s, then SIGKILL. Resolves when the process is gone. */
  stop(): Promise<void>;
  /** SIGKILL (simulates a crash). Resolves when the process is gone. */
  kill(): Promise<void>;
  /** The running process's pid, or undefined once it has exited. */
  pid(): number | undefined;
}

export interface KafkaHandle extends EngineHandle {
  /** `127.0.0.1:<port>`, for kafkajs `brokers: [brokers]` or KAFKA_BROKERS. */
  brokers: string;
  /** Stops gracefully (or kills after the grace period), starts again on the SAME ports and data, waits ready. */
  restart(): Promise<void>;
}
