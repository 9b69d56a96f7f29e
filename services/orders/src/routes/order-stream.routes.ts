import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, createRouter, defineRoute } from '@pasar/service-kit';
import { streamSSE } from 'hono/streaming';
import { toOrderView } from '../domain/views';
import { getOrderForShopper } from '../use-cases/get-order';
import type { OrdersDeps } from '../use-cases/ports';
import { orderIfChanged } from '../use-cases/watch-orders';
import { ACCESS, orderToken } from './auth';
import { OrderParams, OrderTokenHeaders, OrderTokenQuery } from './schemas';

export interface StreamOptions {
  /** How often to look for a change (a one-field read); any process's writes are seen. */
  pollMs: number;
  heartbeatMs: number;
  /** Streams end after this long; EventSource reconnects on its own. */
  maxMs: number;
}

export const orderStreamRoute = defineRoute({
  method: 'get',
  path: '/orders/{orderId}/events',
  summary: "Live status for the shopper holding the order's link (server-sent events)",
  access: ACCESS.orderLink,
  request: { params: OrderParams, headers: OrderTokenHeaders, query: OrderTokenQuery },
  responses: {
    200: {
      description:
        '`event: order` with the OrderView (JSON in `data`) now and after every change; a `: heartbeat` comment between; the stream ends after a while and EventSource reconnects',
      content: {
        'text/event-stream': {
          schema: z
            .string()
            .openapi({ example: 'event: order\nid: 1\ndata: {"id":"ord_…","status":"PLACED"}\n\n' }),
        },
      },
    },
  },
});

/**
 * `event: order` with the OrderView now and after every change, a comment line as heartbeat.
 * Polling the order's version works across processes without a shared notifier.
 */
export function orderStreamRoutes(deps: OrdersDeps, opts: StreamOptions): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(orderStreamRoute, async (c) => {
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
          order = (await orderIfChanged(deps, orderId, sentVersion)) ?? order;
        }
      },
      async (err) => {
        deps.logger.warn({ err, orderId }, 'order stream ended with an error');
      },
    );
  });
  return app;
}
