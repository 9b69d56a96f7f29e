import { OutboxImages } from '@pasar/events';
import { createTokenVerifier, loadConfig, openRuntime, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { openConsignment } from './consignment';
import { PaymentsConfigSchema } from './config';
import { createNotificationLog, createPaymentRepository } from './db/payment.repository';
import { subscriptions } from './events/subscriptions';
import { startPaymentsSweeper } from './jobs/payments-sweeper';
import { createProviders } from './providers';
import type { PaymentsDeps } from './use-cases/ports';

startMain('payments', async () => {
  const config = loadConfig(PaymentsConfigSchema);
  const rt = await openRuntime('payments', config);
  const images = new OutboxImages();
  const payments = createPaymentRepository(rt.conn, images);
  const notifications = createNotificationLog(rt.conn);
  await payments.init();
  await notifications.init();
  const relay = rt.relay([payments.collection]);
  const production = config.NODE_ENV === 'production';
  const { providers, stripe } = createProviders(config);
  const deps: PaymentsDeps = {
    payments,
    notifications,
    providers,
    logger: rt.logger,
    onEventsWritten: (id) =>
      relay.nudge(payments.collection, id, images.take(payments.collection.collectionName, id)),
    storefrontUrl: config.STOREFRONT_URL,
    ...(config.PAYMENTS_CRASH_AT ? { crashAt: config.PAYMENTS_CRASH_AT } : {}),
  };
  await rt.consume(subscriptions(deps));
  const consignment = await openConsignment(rt, config.KAFKA_TOPIC_PREFIX);
  const sweeper = startPaymentsSweeper(deps, config.PAYMENTS_SWEEP_INTERVAL_MS);
  rt.onShutdown(() => sweeper.stop());
  rt.logger.info(
    {
      midtrans: config.MIDTRANS_API_BASE,
      stripe: config.STRIPE_API_BASE,
      webhooks: config.PAYMENTS_PUBLIC_URL,
    },
    'online payments: Midtrans (QRIS, GoPay, ShopeePay, VA) and Stripe Checkout (cards)',
  );
  const verifier = createTokenVerifier({ service: 'payments', jwks: new URL(config.MEMBERSHIP_JWKS_URL) });
  await rt.serve(
    createApp({
      ...deps,
      verifier,
      readiness: rt.readiness,
      midtransServerKey: config.MIDTRANS_SERVER_KEY,
      stripe,
      stripeWebhookSecret: config.STRIPE_WEBHOOK_SECRET,
      devStripeCheckout: !production,
      selfUrl: config.PAYMENTS_PUBLIC_URL,
      consignment,
    }),
  );
});
