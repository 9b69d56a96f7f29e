import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  type AppEnv,
  createServiceApp,
  type ReadinessCheck,
  serveOpenApi,
  type TokenVerifier,
} from '@pasar/service-kit';
import { registerPaymentRoutes } from './routes/payments.routes';
import type { PaymentsDeps } from './use-cases/ports';

export interface AppDeps extends PaymentsDeps {
  /** Verifies membership's access tokens (createTokenVerifier in main, a test issuer's in tests). */
  verifier: TokenVerifier;
  readiness?: Record<string, ReadinessCheck>;
}

/** Builds the HTTP app; no I/O here. Tests call createApp(fakes).request(). */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createServiceApp({
    name: 'payments',
    logger: deps.logger,
    verifier: deps.verifier,
    ...(deps.readiness ? { readiness: deps.readiness } : {}),
  });
  registerPaymentRoutes(app, deps);
  serveOpenApi(app, {
    title: 'Pasar payments',
    version: '1',
    description: 'Payment attempts of orders (cash to collect today; online providers later)',
  });
  return app;
}
