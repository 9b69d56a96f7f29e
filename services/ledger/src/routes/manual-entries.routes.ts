import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, createRouter, defineRoute } from '@pasar/service-kit';
import { approveManualEntry, rejectManualEntry } from '../use-cases/decide-manual-entry';
import { MANUAL_STATUSES, type LedgerDeps } from '../use-cases/ports';
import { proposeManualEntry } from '../use-cases/propose-manual-entry';
import { BENDAHARA, DECIDERS, READERS } from './access';
import { signedInPrincipal } from './journal.routes';
import { CooperativeParam, LineSchema, ManualEntryIdSchema, ManualEntrySchema, json } from './schemas';

const body = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const ManualParams = CooperativeParam.extend({ manualEntryId: ManualEntryIdSchema });

const ProposeBody = z.object({
  memo: z.string().trim().min(3, 'say what the entry is for').max(300),
  occurredAt: z.iso.datetime({ offset: true, error: 'must be a date-time (ISO 8601)' }),
  lines: z.array(LineSchema).min(2, 'an entry has at least two lines').max(40),
});

const proposeRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/manual-entries',
  summary: 'The bendahara proposes a manual entry (pending until a second pengurus approves it)',
  access: BENDAHARA,
  request: { params: CooperativeParam, ...body(ProposeBody) },
  responses: { 201: json(ManualEntrySchema, 'Pending') },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/manual-entries',
  summary: 'Manual entries, newest first (optionally of one status)',
  access: READERS,
  request: { params: CooperativeParam, query: z.object({ status: z.enum(MANUAL_STATUSES).optional() }) },
  responses: { 200: json(z.object({ items: z.array(ManualEntrySchema) }), 'The manual entries') },
});

const approveRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/manual-entries/{manualEntryId}/approve',
  summary: 'A second pengurus (not the proposer) approves: the entry is posted',
  access: DECIDERS,
  request: { params: ManualParams },
  responses: { 200: json(ManualEntrySchema, 'Approved and posted') },
});

const rejectRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/manual-entries/{manualEntryId}/reject',
  summary: 'A pengurus rejects a pending manual entry, with the reason',
  access: DECIDERS,
  request: {
    params: ManualParams,
    ...body(z.object({ reason: z.string().trim().min(3, 'say why').max(300) })),
  },
  responses: { 200: json(ManualEntrySchema, 'Rejected') },
});

export function manualEntryRoutes(deps: LedgerDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(proposeRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    return c.json(
      await proposeManualEntry(deps, signedInPrincipal(c), cooperativeId, c.req.valid('json')),
      201,
    );
  });
  app.openapi(listRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    return c.json({ items: await deps.manualEntries.list(cooperativeId, c.req.valid('query').status) }, 200);
  });
  app.openapi(approveRoute, async (c) => {
    const { cooperativeId, manualEntryId } = c.req.valid('param');
    return c.json(await approveManualEntry(deps, signedInPrincipal(c), cooperativeId, manualEntryId), 200);
  });
  app.openapi(rejectRoute, async (c) => {
    const { cooperativeId, manualEntryId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    return c.json(
      await rejectManualEntry(deps, signedInPrincipal(c), cooperativeId, manualEntryId, reason),
      200,
    );
  });
  return app;
}
