import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, ReadinessCheck, TokenVerifier } from '@pasar/service-kit';
import { createServiceApp, serveOpenApi } from '@pasar/service-kit';
import { cartRoutes } from './routes/carts.routes';
import { fulfilmentRoutes } from './routes/fulfilment.routes';
import { fulfilmentQueueRoutes } from './routes/fulfilment-queue.routes';
import { notaRoutes } from './routes/nota.routes';
import { orderStreamRoutes, type StreamOptions } from './routes/order-stream.routes';
import { shopperOrderRoutes } from './routes/orders.routes';
import { paymentMethodRoutes } from './routes/payment-methods.routes';
import { staffRoutes } from './routes/staff.routes';
import { statsRoutes } from './routes/stats.routes';
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
  const stream: StreamOptions = {
    pollMs: deps.stream?.pollMs ?? 400,
    heartbeatMs: deps.stream?.heartbeatMs ?? 15_000,
    maxMs: deps.stream?.maxMs ?? 15 * 60_000,
  };
  // Each area is a sub-app of its own; mounted in this order, so fixed paths such as
  // …/orders/queue come before the staff routes' …/orders/{orderId}.
  app.route('/', cartRoutes(deps));
  app.route('/', shopperOrderRoutes(deps));
  app.route('/', paymentMethodRoutes(deps));
  app.route('/', orderStreamRoutes(deps, stream));
  app.route('/', fulfilmentQueueRoutes(deps, stream));
  app.route('/', fulfilmentRoutes(deps));
  app.route('/', notaRoutes(deps));
  app.route('/', staffRoutes(deps));
  app.route('/', statsRoutes(deps));
  serveOpenApi(app, {
    title: 'Pasar orders',
    version: '1',
    description: 'Guest carts, orders and their live status; the staff order queue of each cooperative',
  });
  return app;
}
