import { createTokenVerifier, loadConfig, openRuntime, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { PaymentsConfigSchema } from './config';
import { createPaymentRepository } from './db/payment.repository';
import { subscriptions } from './events/subscriptions';
import type { PaymentsDeps } from './use-cases/ports';

startMain('payments', async () => {
  const config = loadConfig(PaymentsConfigSchema);
  const rt = await openRuntime('payments', config);
  const payments = createPaymentRepository(rt.conn);
  await payments.init();
  const relay = rt.relay([payments.collection]);
  const deps: PaymentsDeps = {
    payments,
    logger: rt.logger,
    onEventsWritten: (id) => relay.nudge(payments.collection, id),
  };
  await rt.consume(subscriptions(deps));
  // The Stripe client (providers/stripe.client.ts, STRIPE_*) is wired in when card payments land.
  rt.logger.info({ stripeApiBase: config.STRIPE_API_BASE }, 'online providers not enabled yet: cash only');
  const verifier = createTokenVerifier({ service: 'payments', jwks: new URL(config.MEMBERSHIP_JWKS_URL) });
  await rt.serve(createApp({ ...deps, verifier, readiness: rt.readiness }));
});
