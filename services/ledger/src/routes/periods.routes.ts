import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, createRouter, defineRoute } from '@pasar/service-kit';
import { closePeriod } from '../use-cases/close-period';
import type { LedgerDeps } from '../use-cases/ports';
import { BENDAHARA, READERS } from './access';
import { signedInPrincipal } from './journal.routes';
import { CooperativeParam, json, PeriodRecordSchema } from './schemas';

const PeriodParams = CooperativeParam.extend({
  period: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'must be a month YYYY-MM or a year YYYY')
    .openapi({ example: '2026-01' }),
});

const listRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/periods',
  summary: 'The months the books know of, open or closed (a month never posted to is open)',
  access: READERS,
  request: { params: CooperativeParam },
  responses: { 200: json(z.object({ items: z.array(PeriodRecordSchema) }), 'The periods in order') },
});

const closeRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/periods/{period}/close',
  summary: 'The bendahara closes a month (YYYY-MM) or a year (YYYY) that has ended',
  access: BENDAHARA,
  request: { params: PeriodParams },
  responses: {
    200: json(z.object({ items: z.array(PeriodRecordSchema) }), 'Each month of the request, closed'),
  },
});

export function periodRoutes(deps: LedgerDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(listRoute, async (c) =>
    c.json({ items: await deps.periods.list(c.req.valid('param').cooperativeId) }, 200),
  );
  app.openapi(closeRoute, async (c) => {
    const { cooperativeId, period } = c.req.valid('param');
    return c.json({ items: await closePeriod(deps, signedInPrincipal(c), cooperativeId, period) }, 200);
  });
  return app;
}
