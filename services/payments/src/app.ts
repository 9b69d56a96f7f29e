import { createServiceApp, type ReadinessCheck } from '@pasar/service-kit';
import { paymentsRoutes } from './routes/payments.routes';
import type { PaymentsDeps } from './use-cases/ports';

export interface AppDeps extends PaymentsDeps {
  adminToken: string;
  readiness?: Record<string, ReadinessCheck>;
}

/** Builds the HTTP app; no I/O here. Tests call createApp(fakes).request(). */
export function createApp(deps: AppDeps) {
  const app = createServiceApp({ name: 'payments', logger: deps.logger, readiness: deps.readiness });
  app.route('/', paymentsRoutes(deps, deps.adminToken));
  return app;
}
