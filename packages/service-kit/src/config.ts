import { DEFAULT_FETCH_LINGER_MS } from '@pasar/events';
import { z } from 'zod';

/** Variables every service reads. Extend with `BaseConfigSchema.extend({...})`. */
export const BaseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535),
  HOST: z.string().default('127.0.0.1'),
  MONGO_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URL'),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((s) => s.split(',').map((b) => b.trim()))
    .pipe(z.array(z.string().regex(/^[^:]+:\d+$/, 'each broker must be host:port')).min(1)),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * `on`: the driver's command monitoring feeds pasar_mongo_commands_total and
   * pasar_mongo_command_duration_seconds, for profiling. Off by default: the driver then builds an
   * event per command and decodes every reply a second time for it, about 3 % of the CPU per order
   * (docs/decisions/0022).
   */
  MONGO_COMMAND_METRICS: z.enum(['on', 'off']).default('off'),
  /** Every consumer's pause after a batch before its next fetch (ConsumerOptions.fetchLingerMs). */
  KAFKA_FETCH_LINGER_MS: z.coerce.number().int().min(0).max(1_000).default(DEFAULT_FETCH_LINGER_MS),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError naming every missing or invalid variable. */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((i) => {
      const name = i.path.map(String).join('.');
      const missing = i.code === 'invalid_type' && env[name] === undefined;
      return missing ? `${name} is required but not set` : `${name}: ${i.message}`;
    }),
  );
}
