import Stripe from 'stripe';

export interface StripeClientOptions {
  secretKey: string;
  /** e.g. http://127.0.0.1:12111 (stripe-mock) or https://api.stripe.com */
  apiBase: string;
}

/** A stripe-node client pointed at STRIPE_API_BASE (host, port and protocol taken from the URL). */
export function createStripeClient(opts: StripeClientOptions): Stripe {
  const url = new URL(opts.apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(opts.secretKey, {
    host: url.hostname,
    port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443,
    protocol,
    maxNetworkRetries: 2,
    timeout: 10_000,
    telemetry: false,
    appInfo: { name: 'pasar-payments' },
  });
}
