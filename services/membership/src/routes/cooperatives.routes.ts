import { createRouter, defineRoute } from '@pasar/service-kit';
import { z } from '@hono/zod-openapi';
import { getCooperative } from '../use-cases/get-cooperative';
import { listCooperatives } from '../use-cases/list-cooperatives';
import type { MembershipDeps } from '../use-cases/ports';
import { registerCooperative } from '../use-cases/register-cooperative';
import { updateCooperative } from '../use-cases/update-cooperative';
import {
  CooperativeParam,
  RegisterCooperativeBody,
  SetPaymentMethodsBody,
  UpdateCooperativeBody,
} from './cooperatives.schemas';
import { CooperativeViewSchema, json } from './views.schemas';

const body = <S>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const listRoute = defineRoute({
  method: 'get',
  path: '/cooperatives',
  summary: 'Every cooperative, by name (public: the storefront lists them)',
  access: { allow: ['anonymous'] },
  responses: { 200: json(z.object({ items: z.array(CooperativeViewSchema) }), 'The cooperatives') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}',
  summary: 'One cooperative (public)',
  access: { allow: ['anonymous'] },
  request: { params: CooperativeParam },
  responses: { 200: json(CooperativeViewSchema, 'The cooperative') },
});

/**
 * Registering and changing a tenant is the city office's (dinas) job, or an operator's through the
 * seed and the admin command, which call the use cases directly.
 */
const registerRoute = defineRoute({
  method: 'post',
  path: '/cooperatives',
  summary: 'Register a cooperative (dinas)',
  access: { allow: ['dinas'] },
  request: body(RegisterCooperativeBody),
  responses: { 201: json(CooperativeViewSchema, 'Registered') },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/cooperatives/{cooperativeId}',
  summary: "Change a cooperative's facts (dinas)",
  access: { allow: ['dinas'] },
  request: { params: CooperativeParam, ...body(UpdateCooperativeBody) },
  responses: { 200: json(CooperativeViewSchema, 'Changed') },
});

/**
 * Which payment methods the cooperative offers is its own board's choice too: the ketua sets it
 * (dinas may as well); other settings stay with dinas (PATCH above).
 */
const setPaymentMethodsRoute = defineRoute({
  method: 'put',
  path: '/cooperatives/{cooperativeId}/payment-methods',
  summary: 'Set the payment methods the cooperative offers shoppers (its ketua, or dinas)',
  access: { allow: ['dinas', 'pengurus'], scope: 'path', position: 'ketua' },
  request: { params: CooperativeParam, ...body(SetPaymentMethodsBody) },
  responses: { 200: json(CooperativeViewSchema, 'Changed') },
});

export function cooperativesRoutes(deps: MembershipDeps) {
  const app = createRouter();
  app.openapi(listRoute, async (c) => c.json({ items: await listCooperatives(deps) }, 200));
  app.openapi(getRoute, async (c) =>
    c.json(await getCooperative(deps, c.req.valid('param').cooperativeId), 200),
  );
  app.openapi(registerRoute, async (c) => c.json(await registerCooperative(deps, c.req.valid('json')), 201));
  app.openapi(updateRoute, async (c) =>
    c.json(await updateCooperative(deps, c.req.valid('param').cooperativeId, c.req.valid('json')), 200),
  );
  app.openapi(setPaymentMethodsRoute, async (c) =>
    c.json(
      await updateCooperative(deps, c.req.valid('param').cooperativeId, {
        paymentMethods: c.req.valid('json').paymentMethods,
      }),
      200,
    ),
  );
  return app;
}
