import { type AppEnv, requireAdmin, validate } from '@pasar/service-kit';
import { Hono } from 'hono';
import { getCooperative } from '../use-cases/get-cooperative';
import { listCooperatives } from '../use-cases/list-cooperatives';
import type { MembershipDeps } from '../use-cases/ports';
import { registerCooperative } from '../use-cases/register-cooperative';
import { updateCooperative } from '../use-cases/update-cooperative';
import { CooperativeParam, RegisterCooperativeBody, UpdateCooperativeBody } from './cooperatives.schemas';

export function cooperativesRoutes(deps: MembershipDeps, adminToken: string) {
  const admin = requireAdmin(adminToken);
  return new Hono<AppEnv>()
    .get('/cooperatives', async (c) => c.json({ items: await listCooperatives(deps) }))
    .get('/cooperatives/:cooperativeId', validate('param', CooperativeParam), async (c) =>
      c.json(await getCooperative(deps, c.req.valid('param').cooperativeId)),
    )
    .post('/cooperatives', admin, validate('json', RegisterCooperativeBody), async (c) =>
      c.json(await registerCooperative(deps, c.req.valid('json')), 201),
    )
    .patch(
      '/cooperatives/:cooperativeId',
      admin,
      validate('param', CooperativeParam),
      validate('json', UpdateCooperativeBody),
      async (c) =>
        c.json(await updateCooperative(deps, c.req.valid('param').cooperativeId, c.req.valid('json'))),
    );
}
