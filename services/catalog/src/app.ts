import { type AppEnv, createServiceApp, type ReadinessCheck } from '@pasar/service-kit';
import type { Hono } from 'hono';
import { adminRoutes } from './routes/admin.routes';
import { catalogOpenApi } from './routes/openapi';
import { publicRoutes } from './routes/public.routes';
import type { CatalogDeps } from './use-cases/deps';

export interface AppDeps extends CatalogDeps {
  /** Bearer token of the staff endpoints (until the auth issue lands). */
  adminToken: string;
  /** Checks for /readyz, e.g. { mongo, kafka }. */
  readiness?: Record<string, ReadinessCheck>;
}

/** Builds catalog's HTTP app. No I/O here: tests call `createApp(deps).request(...)`. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = createServiceApp({ name: 'catalog', logger: deps.logger, readiness: deps.readiness });
  app.get('/openapi.json', (c) => c.json(catalogOpenApi()));
  app.route('/', publicRoutes(deps));
  app.route('/', adminRoutes(deps));
  return app;
}
