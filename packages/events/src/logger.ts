import pino, { type Logger } from 'pino';

export type { Logger };

/** Personal data never reaches the logs, whatever a caller passes in. */
export const REDACT_PATHS = [
  'nik',
  'phone',
  'address',
  'contact',
  '*.nik',
  '*.phone',
  '*.address',
  '*.contact',
  'req.headers.cookie',
  'req.headers.authorization',
];

export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name,
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: name },
  });
}
