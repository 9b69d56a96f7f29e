import { createRouter, defineRoute } from '@pasar/service-kit';
import type { AuditEntryRepository } from './audit-entry';
import { AuditPageSchema, AuditParams, AuditQuery, encodeAuditCursor } from './audit.schemas';
import { listAuditEntries } from './list-audit-entries';

export const listAuditRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/audit',
  summary: "The cooperative's audit trail, newest first (pengurus and pengawas)",
  access: { allow: ['pengurus', 'pengawas'], scope: 'path' },
  request: { params: AuditParams, query: AuditQuery },
  responses: {
    200: {
      description: 'A page of entries; `nextCursor` fetches older ones',
      content: { 'application/json': { schema: AuditPageSchema } },
    },
  },
});

/** Display names by person id (membership owns people); ids it does not know are left out. */
export type ActorNames = (personIds: string[]) => Promise<Map<string, string>>;

export function auditRoutes(deps: { entries: AuditEntryRepository; actorNames?: ActorNames }) {
  const router = createRouter();
  router.openapi(listAuditRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const { limit, cursor, action } = c.req.valid('query');
    const page = await listAuditEntries(deps, cooperativeId, { limit, before: cursor, action });
    const names = deps.actorNames
      ? await deps.actorNames([...new Set(page.items.map((e) => e.actorId))])
      : new Map<string, string>();
    const items = page.items.map((e) => ({ ...e, actorName: names.get(e.actorId) ?? null }));
    return c.json({ items, nextCursor: page.next ? encodeAuditCursor(page.next) : null }, 200);
  });
  return router;
}
