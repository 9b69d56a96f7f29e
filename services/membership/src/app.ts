import { createServiceApp, type ReadinessCheck } from '@pasar/service-kit';
import { cooperativesRoutes } from './routes/cooperatives.routes';
import { membersRoutes } from './routes/members.routes';
import type { MembershipDeps } from './use-cases/ports';

export interface AppDeps extends MembershipDeps {
  adminToken: string;
  readiness?: Record<string, ReadinessCheck>;
}

/** Builds the HTTP app; no I/O here. Tests call createApp(fakes).request(). */
export function createApp(deps: AppDeps) {
  const app = createServiceApp({ name: 'membership', logger: deps.logger, readiness: deps.readiness });
  app.route('/', cooperativesRoutes(deps, deps.adminToken));
  app.route('/', membersRoutes(deps, deps.adminToken));
  return app;
}
