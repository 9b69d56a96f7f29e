import { serve } from '@hono/node-server';
import type { Logger } from '@pasar/events';
import type { Hono } from 'hono';
import { ConfigError } from './config';

export type Shutdown = () => Promise<void>;

export interface RunOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any Hono env is fine here
  app: Hono<any>;
  port: number;
  host: string;
  logger: Logger;
  /** Run in reverse order on SIGTERM/SIGINT after the HTTP server stopped taking requests. */
  shutdown: Shutdown[];
}

/** Serves the app; on SIGTERM/SIGINT stops accepting, drains, runs the shutdown hooks, exits 0. */
export function runService(opts: RunOptions): Promise<{ port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: opts.app.fetch, port: opts.port, hostname: opts.host }, (info) => {
      opts.logger.info({ port: info.port }, 'listening');
      resolve({ port: info.port });
    });
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      opts.logger.info({ signal }, 'draining');
      const timer = setTimeout(() => {
        opts.logger.error('drain took over 15 s; exiting');
        process.exit(1);
      }, 15_000);
      timer.unref();
      await new Promise<void>((r) => server.close(() => r()));
      for (const hook of [...opts.shutdown].reverse()) {
        await hook().catch((err) => opts.logger.error({ err }, 'shutdown step failed'));
      }
      opts.logger.info('stopped');
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}

/** Wraps main(): a bad config exits 1 naming each variable, anything else exits 1 with the error. */
export function startMain(name: string, main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError) console.error(`[${name}] ${err.message}`);
    else console.error(`[${name}] failed to start:`, err);
    process.exit(1);
  });
}
