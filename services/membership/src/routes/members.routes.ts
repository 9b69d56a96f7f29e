import { type AppEnv, requireAdmin, validate } from '@pasar/service-kit';
import { Hono } from 'hono';
import { listMembers } from '../use-cases/list-members';
import type { MembershipDeps } from '../use-cases/ports';
import { registerMember } from '../use-cases/register-member';
import { CooperativeParam } from './cooperatives.schemas';
import { encodeCursor, MembersQuery, RegisterMemberBody } from './members.schemas';

/** Staff only: the member registry holds personal data. */
export function membersRoutes(deps: MembershipDeps, adminToken: string) {
  return new Hono<AppEnv>()
    .use('/cooperatives/:cooperativeId/members', requireAdmin(adminToken))
    .post(
      '/cooperatives/:cooperativeId/members',
      validate('param', CooperativeParam),
      validate('json', RegisterMemberBody),
      async (c) => {
        const { cooperativeId } = c.req.valid('param');
        return c.json(await registerMember(deps, { ...c.req.valid('json'), cooperativeId }), 201);
      },
    )
    .get(
      '/cooperatives/:cooperativeId/members',
      validate('param', CooperativeParam),
      validate('query', MembersQuery),
      async (c) => {
        const { limit, cursor } = c.req.valid('query');
        const page = await listMembers(deps, c.req.valid('param').cooperativeId, { limit, after: cursor });
        return c.json({
          items: page.items,
          nextCursor: page.nextAfter ? encodeCursor(page.nextAfter) : null,
        });
      },
    );
}
