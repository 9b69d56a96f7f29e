import { createServiceApp, type ReadinessCheck, type TokenVerifier } from '@pasar/service-kit';
import { mountPdpRoutes, type PdpDeps } from './privacy/mount';
import { cooperativesRoutes } from './routes/cooperatives.routes';
import { membersRoutes } from './routes/members.routes';
import type { MembershipDeps } from './use-cases/ports';

export interface AppDeps extends MembershipDeps {
  adminToken: string;
  readiness?: Record<string, ReadinessCheck>;
  /** Verifies access tokens (membership's own key set; createTestIssuer().verifier in tests). */
  verifier?: TokenVerifier;
  /** Audit trail, NIK view, export and erasure (src/audit, src/privacy). */
  pdp?: PdpDeps;
}

/** Builds the HTTP app; no I/O here. Tests call createApp(fakes).request(). */
export function createApp(deps: AppDeps) {
  const app = createServiceApp({
    name: 'membership',
    logger: deps.logger,
    readiness: deps.readiness,
    verifier: deps.verifier,
  });
  app.route('/', cooperativesRoutes(deps, deps.adminToken));
  app.route('/', membersRoutes(deps, deps.adminToken));
  if (deps.pdp) mountPdpRoutes(app, deps.pdp);
  return app;
}
