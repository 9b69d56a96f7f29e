import { createRouter, defineRoute, principalOf, rolesIn } from '@pasar/service-kit';
import { z } from '@hono/zod-openapi';
import { applyToSell } from '../use-cases/apply-to-sell';
import { approveSellerApplication } from '../use-cases/approve-seller-application';
import { declineSellerApplication } from '../use-cases/decline-seller-application';
import {
  getSellerApplication,
  listMyApplications,
  listSellerApplications,
} from '../use-cases/list-seller-applications';
import type { SellersDeps } from '../use-cases/ports';
import { actorIn } from './actor';
import {
  ApplicationParams,
  ApplicationsQuery,
  ApplyToSellBody,
  CooperativeOnlyParams,
  ReasonBody,
  SellerApplicationViewSchema,
} from './sellers.schemas';
import { json } from './views.schemas';

const body = <S>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const BOARD = { allow: ['pengurus'], scope: 'path' } as const;
const Items = z.object({ items: z.array(SellerApplicationViewSchema) });

const applyRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/seller-applications',
  summary: 'A member applies to sell through the market (from the account linked to their member record)',
  access: { allow: ['anggota'], scope: 'path' },
  request: { params: CooperativeOnlyParams, ...body(ApplyToSellBody) },
  responses: { 201: json(SellerApplicationViewSchema, 'Submitted; waits for a pengurus') },
});

const mineRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/seller-applications/mine',
  summary: "The caller's own applications, newest first, with status and decline reason",
  access: { allow: ['anggota', 'penjual'], scope: 'path' },
  request: { params: CooperativeOnlyParams },
  responses: { 200: json(Items, 'Their applications') },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/seller-applications',
  summary: 'The applications of the cooperative (the queue with ?status=pending), newest first',
  access: { allow: ['pengurus', 'pengawas'], scope: 'path' },
  request: { params: CooperativeOnlyParams, query: ApplicationsQuery },
  responses: { 200: json(Items, 'Applications') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/seller-applications/{applicationId}',
  summary: 'One application: the applicant or the board (anyone else gets 404)',
  access: { allow: ['anggota', 'penjual', 'pengurus', 'pengawas'], scope: 'path' },
  request: { params: ApplicationParams },
  responses: { 200: json(SellerApplicationViewSchema, 'The application') },
});

const approveRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/seller-applications/{applicationId}/approve',
  summary: 'Approve: the member becomes a seller (SellerApproved) and their account gets the penjual role',
  access: BOARD,
  request: { params: ApplicationParams },
  responses: { 200: json(SellerApplicationViewSchema, 'Approved') },
});

const declineRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/seller-applications/{applicationId}/decline',
  summary: 'Decline with a reason the applicant reads',
  access: BOARD,
  request: { params: ApplicationParams, ...body(ReasonBody) },
  responses: { 200: json(SellerApplicationViewSchema, 'Declined') },
});

/** Members apply to sell; the board decides (pengawas read). */
export function sellerApplicationsRoutes(deps: SellersDeps) {
  const app = createRouter();
  app.openapi(applyRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const personId = principalOf(c)!.personId;
    return c.json(await applyToSell(deps, personId, cooperativeId, c.req.valid('json')), 201);
  });
  // Before /{applicationId}: "mine" is not an application id.
  app.openapi(mineRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    return c.json({ items: await listMyApplications(deps, cooperativeId, principalOf(c)!.personId) }, 200);
  });
  app.openapi(listRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    return c.json(
      { items: await listSellerApplications(deps, cooperativeId, c.req.valid('query').status) },
      200,
    );
  });
  app.openapi(getRoute, async (c) => {
    const { cooperativeId, applicationId } = c.req.valid('param');
    const p = principalOf(c)!;
    const staff = rolesIn(p, cooperativeId).some((r) => r === 'pengurus' || r === 'pengawas');
    return c.json(
      await getSellerApplication(deps, cooperativeId, applicationId, { personId: p.personId, staff }),
      200,
    );
  });
  app.openapi(approveRoute, async (c) => {
    const { cooperativeId, applicationId } = c.req.valid('param');
    return c.json(
      await approveSellerApplication(deps, actorIn(c, cooperativeId), cooperativeId, applicationId),
      200,
    );
  });
  app.openapi(declineRoute, async (c) => {
    const { cooperativeId, applicationId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    return c.json(
      await declineSellerApplication(deps, actorIn(c, cooperativeId), cooperativeId, applicationId, reason),
      200,
    );
  });
  return app;
}
