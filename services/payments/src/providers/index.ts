import type Stripe from 'stripe';
import type { PaymentsConfig } from '../config';
import type { PaymentsDeps } from '../use-cases/ports';
import { midtransProvider } from './midtrans.provider';
import { createStripeClient } from './stripe.client';
import { stripeProvider } from './stripe.provider';

/** Both provider adapters from the configuration (the service and the reconcile command share it). */
export function createProviders(config: PaymentsConfig): {
  providers: PaymentsDeps['providers'];
  stripe: Stripe;
} {
  const finishUrl = (orderId: string) => `${config.STOREFRONT_URL}/pesanan/${orderId}`;
  const stripe = createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, apiBase: config.STRIPE_API_BASE });
  const production = config.NODE_ENV === 'production';
  return {
    stripe,
    providers: {
      midtrans: midtransProvider({
        serverKey: config.MIDTRANS_SERVER_KEY,
        clientKey: config.MIDTRANS_CLIENT_KEY,
        apiBase: config.MIDTRANS_API_BASE,
        snapBase: config.MIDTRANS_SNAP_BASE,
        notificationUrl: `${config.PAYMENTS_PUBLIC_URL}/webhooks/midtrans`,
        finishUrl,
      }),
      stripe: stripeProvider({
        stripe,
        finishUrl,
        ...(production
          ? {}
          : { devCheckoutUrl: (id: string) => `${config.PAYMENTS_PUBLIC_URL}/dev/stripe/checkout/${id}` }),
      }),
    },
  };
}
