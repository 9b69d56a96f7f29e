import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, createRouter, defineRoute, principalOf } from '@pasar/service-kit';
import type { Context } from 'hono';
import { CHART } from '../domain/accounts';
import { entryNotFound } from '../domain/errors';
import type { LedgerDeps } from '../use-cases/ports';
import { reverseEntry } from '../use-cases/reverse-entry';
import { BENDAHARA, READERS, SIGNED_IN } from './access';
import { AccountSchema, CooperativeParam, EntryIdSchema, JournalEntrySchema, json } from './schemas';
import { toEntryView } from './views';

const EntryParams = CooperativeParam.extend({ entryId: EntryIdSchema });

const accountsRoute = defineRoute({
  method: 'get',
  path: '/accounts',
  summary: 'The chart of accounts (bagan akun) every cooperative books with',
  access: SIGNED_IN,
  responses: { 200: json(z.object({ items: z.array(AccountSchema) }), 'Every account, in code order') },
});

const entryRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/journal/{entryId}',
  summary: 'One journal entry',
  access: READERS,
  request: { params: EntryParams },
  responses: { 200: json(JournalEntrySchema, 'The entry') },
});

const reverseRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/journal/{entryId}/reverse',
  summary: 'Correct an entry with its reversing entry (booked today; the original stays as it was)',
  access: BENDAHARA,
  request: {
    params: EntryParams,
    body: {
      content: {
        'application/json': {
          schema: z.object({ memo: z.string().trim().min(3, 'say why the entry is reversed').max(300) }),
        },
      },
      required: true,
    },
  },
  responses: { 201: json(JournalEntrySchema, 'The reversing entry') },
});

export const signedInPrincipal = (c: Context) => {
  const p = principalOf(c);
  // The route's access rule already refused anonymous callers.
  if (!p) throw new Error('a signed-in route without a principal');
  return p;
};

export function journalRoutes(deps: LedgerDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(accountsRoute, (c) => c.json({ items: CHART.map((a) => ({ ...a })) }, 200));
  app.openapi(entryRoute, async (c) => {
    const { cooperativeId, entryId } = c.req.valid('param');
    const entry = await deps.journal.findById(entryId);
    if (!entry || entry.cooperativeId !== cooperativeId) throw entryNotFound(entryId);
    return c.json(toEntryView(entry), 200);
  });
  app.openapi(reverseRoute, async (c) => {
    const { cooperativeId, entryId } = c.req.valid('param');
    const entry = await reverseEntry(
      deps,
      signedInPrincipal(c),
      cooperativeId,
      entryId,
      c.req.valid('json').memo,
    );
    return c.json(toEntryView(entry), 201);
  });
  return app;
}
