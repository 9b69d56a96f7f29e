import { createRouter, defineRoute } from '@pasar/service-kit';
import { z } from '@hono/zod-openapi';
import { listMembers } from '../use-cases/list-members';
import type { MembershipDeps } from '../use-cases/ports';
import { registerMember } from '../use-cases/register-member';
import { CooperativeParam } from './cooperatives.schemas';
import { encodeCursor, MembersQuery, RegisterMemberBody } from './members.schemas';
import { json, MemberViewSchema } from './views.schemas';

const registerRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/members',
  summary: 'Register a member (NIK stored only as a salted hash and its last 4 digits)',
  access: { allow: ['pengurus'], scope: 'path' },
  request: {
    params: CooperativeParam,
    body: { content: { 'application/json': { schema: RegisterMemberBody } }, required: true },
  },
  responses: { 201: json(MemberViewSchema, 'Registered') },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/members',
  summary: 'The member registry, a page at a time',
  access: { allow: ['pengurus', 'pengawas'], scope: 'path' },
  request: { params: CooperativeParam, query: MembersQuery },
  responses: {
    200: json(z.object({ items: z.array(MemberViewSchema), nextCursor: z.string().nullable() }), 'A page'),
  },
});

/** The member registry holds personal data (NIK last 4, phone): the board writes, pengawas reads too. */
export function membersRoutes(deps: MembershipDeps) {
  const app = createRouter();
  app.openapi(registerRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    return c.json(await registerMember(deps, { ...c.req.valid('json'), cooperativeId }), 201);
  });
  app.openapi(listRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listMembers(deps, c.req.valid('param').cooperativeId, { limit, after: cursor });
    return c.json(
      { items: page.items, nextCursor: page.nextAfter ? encodeCursor(page.nextAfter) : null },
      200,
    );
  });
  return app;
}
