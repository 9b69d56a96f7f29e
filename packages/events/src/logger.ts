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

export function createLogger(
  name: string,
  level = process.env.LOG_LEVEL ?? 'info',
  opts: { countLine?: (level: number) => void } = {},
): Logger {
  const { countLine } = opts;
  return pino({
    name,
    level,
    ...(countLine
      ? {
          hooks: {
            logMethod(args, method, lvl) {
              countLine(lvl);
              return method.apply(this, args);
            },
          },
        }
      : {}),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: name },
  });
}
