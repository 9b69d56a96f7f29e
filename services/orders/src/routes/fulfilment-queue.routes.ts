import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { OrderStatusSchema } from '@pasar/contracts';
import { type AppEnv, createRouter, defineRoute } from '@pasar/service-kit';
import { streamSSE } from 'hono/streaming';
import { toStaffOrderView } from '../domain/views';
import { getFulfilmentQueue, QUEUE_COLUMNS } from '../use-cases/get-fulfilment-queue';
import type { OrderChangeMark, OrdersDeps } from '../use-cases/ports';
import { ACCESS } from './auth';
import type { StreamOptions } from './order-stream.routes';
import { QueueQuery } from './fulfilment.schemas';
import { CooperativeParams } from './schemas';
import { json, StaffOrderViewSchema } from './views.schemas';
import { cooperativeChangesSince } from '../use-cases/watch-orders';

const keys = QUEUE_COLUMNS.map((c) => c.key) as [(typeof QUEUE_COLUMNS)[number]['key'], ...string[]];

export const FulfilmentQueueSchema = z
  .object({
    day: z.string().openapi({ description: 'The Asia/Jakarta day shown (YYYY-MM-DD)' }),
    fulfilment: z.enum(['pickup', 'delivery']).nullable(),
    columns: z.array(
      z.object({
        key: z.enum(keys),
        statuses: z.array(OrderStatusSchema),
        count: z.number().int().openapi({ description: 'How many orders the column holds' }),
        orders: z.array(StaffOrderViewSchema).openapi({ description: 'The newest 50 of them' }),
      }),
    ),
  })
  .openapi('FulfilmentQueue');

export const fulfilmentQueueRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/orders/queue',
  summary:
    "The day's fulfilment work in columns (new, to pack, packed, ready for pickup, out for delivery, completed, problems), newest first",
  access: ACCESS.staffRead,
  request: { params: CooperativeParams, query: QueueQuery },
  responses: { 200: json(FulfilmentQueueSchema, 'The columns') },
});

export const staffStreamRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/orders/stream',
  summary: "Live changes of the cooperative's orders, for the staff queue (server-sent events)",
  access: ACCESS.staffRead,
  request: { params: CooperativeParams },
  responses: {
    200: {
      description:
        '`event: ready` once, then `event: order` with `{orderId, notaNumber, status, version, updatedAt}` whenever an order changes; `: heartbeat` between; ends after a while (EventSource reconnects; reload the queue then)',
      content: {
        'text/event-stream': {
          schema: z.string().openapi({
            example:
              'event: order\nid: 1763892000000\ndata: {"orderId":"ord_…","notaNumber":"KAR-2026-000001","status":"PACKED","version":4,"updatedAt":"2026-11-23T10:00:00.000Z"}\n\n',
          }),
        },
      },
    },
  },
});

const markKey = (m: OrderChangeMark) => `${m.orderId}:${m.version}`;

/**
 * The queue and its live stream. The stream polls the cooperative's orders changed since the last
 * look (`updatedAt`, indexed with the cooperative; every write sets it), as the shopper's stream
 * polls one order's version: it sees any process's writes without a shared notifier. It says only
 * which order changed and to what; the page reloads the queue (or that order) for the rest.
 */
export function fulfilmentQueueRoutes(deps: OrdersDeps, opts: StreamOptions): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(fulfilmentQueueRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const { day, fulfilment } = c.req.valid('query');
    const queue = await getFulfilmentQueue(deps, cooperativeId, {
      ...(day ? { day } : {}),
      ...(fulfilment ? { fulfilment } : {}),
    });
    return c.json(
      {
        ...queue,
        columns: queue.columns.map((col) => ({ ...col, orders: col.orders.map(toStaffOrderView) })),
      },
      200,
    );
  });

  app.openapi(staffStreamRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(
      c,
      async (stream) => {
        const started = Date.now();
        let since = deps.clock();
        // Changes at exactly `since` already sent (a poll reads `updatedAt >= since`).
        let sentAtSince = new Set<string>();
        let lastWrite = Date.now();
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ cooperativeId }) });
        while (!stream.aborted && !stream.closed && Date.now() - started < opts.maxMs) {
          await stream.sleep(opts.pollMs);
          const marks = (await cooperativeChangesSince(deps, cooperativeId, since)).filter(
            (m) => !sentAtSince.has(markKey(m)),
          );
          for (const m of marks) {
            await stream.writeSSE({
              event: 'order',
              id: String(m.updatedAt.getTime()),
              data: JSON.stringify({ ...m, updatedAt: m.updatedAt.toISOString() }),
            });
            if (m.updatedAt.getTime() > since.getTime()) {
              since = m.updatedAt;
              sentAtSince = new Set();
            }
            sentAtSince.add(markKey(m));
            lastWrite = Date.now();
          }
          if (Date.now() - lastWrite >= opts.heartbeatMs) {
            await stream.write(': heartbeat\n\n');
            lastWrite = Date.now();
          }
        }
      },
      async (err) => {
        deps.logger.warn({ err, cooperativeId }, 'staff order stream ended with an error');
      },
    );
  });
  return app;
}
