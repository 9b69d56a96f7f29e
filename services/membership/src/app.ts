import { createServiceApp, type ReadinessCheck, serveOpenApi, type TokenVerifier } from '@pasar/service-kit';
import { mountPdpRoutes, type PdpDeps } from './privacy/mount';
import { type SavingsDeps, savingsNotWired, savingsRoutes } from './savings';
import { authRoutes } from './routes/auth.routes';
import { cooperativesRoutes } from './routes/cooperatives.routes';
import { membersRoutes } from './routes/members.routes';
import { peopleRoutes } from './routes/people.routes';
import { sellerApplicationsRoutes } from './routes/seller-applications.routes';
import { sellersRoutes } from './routes/sellers.routes';
import type { SellersDeps } from './use-cases/ports';
import type { JSONWebKeySet } from 'jose';

export interface AppDeps extends SellersDeps {
  /** The public keys served at /.well-known/jwks.json. */
  jwks: JSONWebKeySet;
  /** Verifies membership's own-audience tokens locally, over its own public keys (no HTTP to itself). */
  verifier: TokenVerifier;
  /** Socket peers whose X-Forwarded-For is believed. */
  trustedProxies: Set<string>;
  readiness?: Record<string, ReadinessCheck>;
  /** Audit trail, NIK view, export and erasure (src/audit, src/privacy). */
  pdp?: PdpDeps;
  /** The members' savings (src/savings). */
  savings?: SavingsDeps;
}

/** Builds the HTTP app; no I/O here. Tests call createApp(fakes).request(). */
export function createApp(deps: AppDeps) {
  const app = createServiceApp({
    name: 'membership',
    logger: deps.logger,
    readiness: deps.readiness,
    verifier: deps.verifier,
  });
  app.route('/', authRoutes(deps));
  app.route('/', cooperativesRoutes(deps));
  app.route('/', membersRoutes(deps));
  app.route('/', peopleRoutes(deps));
  app.route('/', sellerApplicationsRoutes(deps));
  app.route('/', sellersRoutes(deps));
  if (deps.pdp) mountPdpRoutes(app, deps.pdp);
  // Always in the route table (and /openapi.json); main.ts wires the store. An app built without
  // it (other parts' tests, the web's gen:api) answers 500 on these routes.
  app.route('/', savingsRoutes(deps.savings ?? savingsNotWired(deps.logger)));
  serveOpenApi(app, { title: 'Pasar membership', version: '1.0.0' });
  return app;
}
