import { createRouter, defineRoute } from '@pasar/service-kit';
import { actorIn } from './actor';
import { invitePerson } from '../use-cases/invite-person';
import { issueResetCode } from '../use-cases/issue-reset-code';
import { listPeople } from '../use-cases/list-people';
import type { AccountsDeps } from '../use-cases/ports';
import { setRoles } from '../use-cases/set-roles';
import {
  encodePersonCursor,
  InvitePersonBody,
  PeopleParams,
  PeopleQuery,
  PersonParams,
  SetRolesBody,
} from './people.schemas';
import { json, StaffPersonViewSchema } from './views.schemas';
import { z } from '@hono/zod-openapi';

const body = <S>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const KETUA = { allow: ['pengurus'], scope: 'path', position: 'ketua' } as const;

const ResetCodeSchema = z
  .object({ resetCode: z.string(), resetCodeExpiresAt: z.string() })
  .openapi('ResetCode');

const listRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/people',
  summary: "The cooperative's people with their roles (phones masked)",
  access: { allow: ['pengurus', 'pengawas'], scope: 'path' },
  request: { params: PeopleParams, query: PeopleQuery },
  responses: {
    200: json(
      z.object({ items: z.array(StaffPersonViewSchema), nextCursor: z.string().nullable() }),
      'A page of people, by person id',
    ),
  },
});

const inviteRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/people',
  summary: 'Invite a person (or add roles to the account with that phone); returns a one-time reset code',
  access: KETUA,
  request: { params: PeopleParams, ...body(InvitePersonBody) },
  responses: {
    201: json(
      z.object({
        person: StaffPersonViewSchema,
        resetCode: z.string().nullable(),
        resetCodeExpiresAt: z.string().nullable(),
      }),
      'Invited; resetCode is null when the account already has a password',
    ),
  },
});

const rolesRoute = defineRoute({
  method: 'put',
  path: '/cooperatives/{cooperativeId}/people/{personId}/roles',
  summary: "Set a person's roles in the cooperative (empty removes them); the last ketua stays",
  access: KETUA,
  request: { params: PersonParams, ...body(SetRolesBody) },
  responses: { 200: json(StaffPersonViewSchema, 'The person with the new roles') },
});

const resetCodeRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/people/{personId}/reset-code',
  summary: 'Issue a one-time password reset code (24 hours) for a person of the cooperative',
  access: KETUA,
  request: { params: PersonParams },
  responses: { 201: json(ResetCodeSchema, 'The code; give it to the person') },
});

/** Staff management: pengurus and pengawas read, the ketua changes. */
export function peopleRoutes(deps: AccountsDeps) {
  const app = createRouter();
  app.openapi(listRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const page = await listPeople(deps, cooperativeId, { limit, after: cursor });
    return c.json(
      { items: page.items, nextCursor: page.nextAfter ? encodePersonCursor(page.nextAfter) : null },
      200,
    );
  });
  app.openapi(inviteRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const { created: _created, ...result } = await invitePerson(
      deps,
      actorIn(c, cooperativeId),
      cooperativeId,
      c.req.valid('json'),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(result, 201);
  });
  app.openapi(rolesRoute, async (c) => {
    const { cooperativeId, personId } = c.req.valid('param');
    return c.json(
      await setRoles(deps, actorIn(c, cooperativeId), cooperativeId, personId, c.req.valid('json')),
      200,
    );
  });
  app.openapi(resetCodeRoute, async (c) => {
    const { cooperativeId, personId } = c.req.valid('param');
    c.header('Cache-Control', 'no-store');
    return c.json(await issueResetCode(deps, actorIn(c, cooperativeId), cooperativeId, personId), 201);
  });
  return app;
}
