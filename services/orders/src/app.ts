import type { AppEnv, ReadinessCheck } from '@pasar/service-kit';
import { createServiceApp } from '@pasar/service-kit';
import type { Hono } from 'hono';
import { registerCartRoutes } from './routes/carts.routes';
import { registerOrderStreamRoutes, type StreamOptions } from './routes/order-stream.routes';
import { registerOrderRoutes } from './routes/orders.routes';
import type { OrdersDeps } from './use-cases/ports';

export interface AppDeps extends OrdersDeps {
  /** Bearer token for staff endpoints (pack). */
  adminToken: string;
  readiness?: Record<string, ReadinessCheck>;
  stream?: Partial<StreamOptions>;
}

/** Builds the orders HTTP app; no I/O here (tests call createApp(fakes).request()). */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = createServiceApp({
    name: 'orders',
    logger: deps.logger,
    ...(deps.readiness ? { readiness: deps.readiness } : {}),
  });
  registerCartRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerOrderStreamRoutes(app, deps, {
    pollMs: deps.stream?.pollMs ?? 400,
    heartbeatMs: deps.stream?.heartbeatMs ?? 15_000,
    maxMs: deps.stream?.maxMs ?? 15 * 60_000,
  });
  return app;
}
