import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  type AppEnv,
  createServiceApp,
  type ReadinessCheck,
  serveOpenApi,
  type TokenVerifier,
} from '@pasar/service-kit';
import type Stripe from 'stripe';
import { type ConsignmentDeps, consignmentRoutes } from './consignment';
import { registerDevStripeRoutes } from './routes/dev-stripe.routes';
import { registerPaymentRoutes } from './routes/payments.routes';
import { registerWebhookRoutes } from './routes/webhooks.routes';
import type { PaymentsDeps } from './use-cases/ports';

export interface AppDeps extends PaymentsDeps {
  /** Verifies membership's access tokens (createTokenVerifier in main, a test issuer's in tests). */
  verifier: TokenVerifier;
  readiness?: Record<string, ReadinessCheck>;
  midtransServerKey: string;
  stripe: Stripe;
  stripeWebhookSecret: string;
  /** Registers the dev "simulate card payment" page (never in production). */
  devStripeCheckout: boolean;
  selfUrl: string;
  /** Consignment (titip jual): sellers' balances, statements and payouts. */
  consignment: ConsignmentDeps;
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
  registerWebhookRoutes(app, deps);
  if (deps.devStripeCheckout) registerDevStripeRoutes(app, deps);
  app.route('/', consignmentRoutes(deps.consignment));
  serveOpenApi(app, {
    title: 'Pasar payments',
    version: '1',
    description:
      'Payment attempts of orders: cash to collect, Midtrans (QRIS, GoPay, ShopeePay, bank VA) and Stripe Checkout (cards); webhooks, refunds, reconciliation; consignment (titip jual) balances, statements and payouts',
  });
  return app;
}
