import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { PaymentMethodSchema } from '@pasar/contracts';
import { type AccessRule, type AppEnv, createRouter, defineRoute } from '@pasar/service-kit';
import { getCooperativeStats } from '../use-cases/get-cooperative-stats';
import type { OrdersDeps } from '../use-cases/ports';
import { CooperativeParams } from './schemas';
import { json } from './views.schemas';

/** The board, the supervisor and the cashier read the figures (gudang does not). */
const STATS_ACCESS = {
  allow: ['pengurus', 'pengawas', 'kasir'],
  scope: 'path',
} as const satisfies AccessRule;

const MAX_DAYS = 90;

const StatsQuery = z.object({
  days: z.coerce
    .number({ error: `must be a whole number of days, 1..${MAX_DAYS}` })
    .int(`must be a whole number of days, 1..${MAX_DAYS}`)
    .min(1, `must be 1..${MAX_DAYS}`)
    .max(MAX_DAYS, `must be 1..${MAX_DAYS}`)
    .default(30)
    .openapi({ type: 'integer', minimum: 1, maximum: MAX_DAYS, default: 30 }),
});

const Tally = {
  orders: z.number().int().openapi({ description: 'Orders placed (any status)' }),
  revenue: z.number().int().min(0).openapi({
    description:
      'Totals of those orders that are confirmed/paid or further (not cancelled, expired, rejected)',
  }),
};

export const CooperativeStatsSchema = z
  .object({
    today: z.object({
      ...Tally,
      byPaymentMethod: z.partialRecord(PaymentMethodSchema, z.object(Tally)),
    }),
    days: z.array(
      z.object({ date: z.iso.date().openapi({ description: 'Calendar day in Asia/Jakarta' }), ...Tally }),
    ),
  })
  .openapi('CooperativeStats');

export const statsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/stats',
  summary: "The cooperative's dashboard figures: today by payment method, and per Jakarta day",
  access: STATS_ACCESS,
  request: { params: CooperativeParams, query: StatsQuery },
  responses: { 200: json(CooperativeStatsSchema, 'Orders and revenue, today and per day (oldest first)') },
});

export function statsRoutes(deps: OrdersDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(statsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const { days } = c.req.valid('query');
    return c.json(await getCooperativeStats(deps, cooperativeId, days), 200);
  });
  return app;
}
