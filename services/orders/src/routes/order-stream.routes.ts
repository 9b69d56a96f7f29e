import type { AppEnv } from '@pasar/service-kit';
import { validate } from '@pasar/service-kit';
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { toOrderView } from '../domain/views';
import { getOrderForShopper } from '../use-cases/get-order';
import type { OrdersDeps } from '../use-cases/ports';
import { orderToken } from './auth';
import { OrderParams } from './schemas';

export interface StreamOptions {
  /** How often to look for a change (a one-field read); any process's writes are seen. */
  pollMs: number;
  heartbeatMs: number;
  /** Streams end after this long; EventSource reconnects on its own. */
  maxMs: number;
}

/**
 * `event: order` with the OrderView now and after every change, a comment line as heartbeat.
 * Polling the order's version works across processes without a shared notifier.
 */
export function registerOrderStreamRoutes(app: Hono<AppEnv>, deps: OrdersDeps, opts: StreamOptions): void {
  app.get('/orders/:orderId/events', validate('param', OrderParams), async (c) => {
    const { orderId } = c.req.valid('param');
    const token = orderToken(c);
    const first = await getOrderForShopper(deps, orderId, token); // 404 before the stream starts
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(
      c,
      async (stream) => {
        const started = Date.now();
        let sentVersion: number | undefined;
        let lastWrite = Date.now();
        let order: typeof first | undefined = first;
        while (!stream.aborted && !stream.closed && Date.now() - started < opts.maxMs) {
          if (order && order.version !== sentVersion) {
            await stream.writeSSE({
              event: 'order',
              id: String(order.version),
              data: JSON.stringify(toOrderView(order)),
            });
            sentVersion = order.version;
            lastWrite = Date.now();
          } else if (Date.now() - lastWrite >= opts.heartbeatMs) {
            await stream.write(': heartbeat\n\n');
            lastWrite = Date.now();
          }
          await stream.sleep(opts.pollMs);
          const version = await deps.orders.versionOf(orderId);
          order =
            version !== undefined && version !== sentVersion ? await deps.orders.findById(orderId) : order;
        }
      },
      async (err) => {
        deps.logger.warn({ err, orderId }, 'order stream ended with an error');
      },
    );
  });
}
