import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, ReadinessCheck, TokenVerifier } from '@pasar/service-kit';
import { createServiceApp, serveOpenApi } from '@pasar/service-kit';
import { registerCartRoutes } from './routes/carts.routes';
import { registerFulfilmentRoutes } from './routes/fulfilment.routes';
import { registerFulfilmentQueueRoutes } from './routes/fulfilment-queue.routes';
import { registerNotaRoutes } from './routes/nota.routes';
import { registerOrderStreamRoutes, type StreamOptions } from './routes/order-stream.routes';
import { registerOrderRoutes } from './routes/orders.routes';
import { registerPaymentMethodRoutes } from './routes/payment-methods.routes';
import { registerStaffRoutes } from './routes/staff.routes';
import { registerStatsRoutes } from './routes/stats.routes';
import type { OrdersDeps } from './use-cases/ports';

export interface AppDeps extends OrdersDeps {
  /** Verifies membership's access tokens (createTokenVerifier in main, a test issuer's in tests). */
  verifier: TokenVerifier;
  readiness?: Record<string, ReadinessCheck>;
  stream?: Partial<StreamOptions>;
}

/** Builds the orders HTTP app; no I/O here (tests call createApp(fakes).request()). */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createServiceApp({
    name: 'orders',
    logger: deps.logger,
    verifier: deps.verifier,
    ...(deps.readiness ? { readiness: deps.readiness } : {}),
  });
  registerCartRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerPaymentMethodRoutes(app, deps);
  registerOrderStreamRoutes(app, deps, {
    pollMs: deps.stream?.pollMs ?? 400,
    heartbeatMs: deps.stream?.heartbeatMs ?? 15_000,
    maxMs: deps.stream?.maxMs ?? 15 * 60_000,
  });
  // Fulfilment: the queue and its stream before the staff routes (…/orders/queue is not an order id).
  registerFulfilmentQueueRoutes(app, deps, {
    pollMs: deps.stream?.pollMs ?? 400,
    heartbeatMs: deps.stream?.heartbeatMs ?? 15_000,
    maxMs: deps.stream?.maxMs ?? 15 * 60_000,
  });
  registerFulfilmentRoutes(app, deps);
  registerNotaRoutes(app, deps);
  registerStaffRoutes(app, deps);
  registerStatsRoutes(app, deps);
  serveOpenApi(app, {
    title: 'Pasar orders',
    version: '1',
    description: 'Guest carts, orders and their live status; the staff order queue of each cooperative',
  });
  return app;
}
