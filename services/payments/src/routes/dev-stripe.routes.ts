import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, defineRoute, NotFoundError } from '@pasar/service-kit';
import type Stripe from 'stripe';
import { rupiahToStripeAmount } from '../domain/money';
import type { Payment } from '../domain/payment';
import type { PaymentsDeps } from '../use-cases/ports';

/**
 * Development only (never registered when NODE_ENV=production): stripe-mock has no hosted
 * Checkout page and sends no webhooks, so this page stands in for Stripe's. "Bayar" signs a
 * `checkout.session.completed` event with the webhook signing secret
 * (`stripe.webhooks.generateTestHeaderString`) and POSTs it to our own webhook over HTTP, exactly
 * as Stripe would; the webhook verifies it like any other. No card data is asked for or sent.
 */
const DEV = { allow: ['anonymous'] } as const;
const Params = z.object({
  paymentId: z.string().regex(/^pay_[0-9A-Za-z]{10,40}$/, 'must be a payment id (pay_…)'),
});

const pageRoute = defineRoute({
  method: 'get',
  path: '/dev/stripe/checkout/{paymentId}',
  summary: 'Dev only: a stand-in for the hosted Stripe Checkout page (simulate a card payment)',
  access: DEV,
  request: { params: Params },
  responses: { 200: { description: 'The page', content: { 'text/html': { schema: z.string() } } } },
});

const simulateRoute = defineRoute({
  method: 'post',
  path: '/dev/stripe/checkout/{paymentId}',
  summary: 'Dev only: simulate the shopper paying (or abandoning) the Checkout session',
  access: DEV,
  request: {
    params: Params,
    body: {
      content: {
        'application/x-www-form-urlencoded': { schema: z.object({ outcome: z.enum(['pay', 'expire']) }) },
      },
      required: true,
    },
  },
  responses: { 303: { description: 'Back to the storefront order page' } },
});

export interface DevStripeDeps extends PaymentsDeps {
  stripe: Stripe;
  stripeWebhookSecret: string;
  /** Our own base URL: the simulated webhook goes over HTTP like Stripe's. */
  selfUrl: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

function page(p: Payment): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Kartu (simulasi Stripe) · Card (Stripe simulation)</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.amount{font-size:1.6rem;font-weight:700}button{font-size:1rem;padding:.8rem 1.2rem;margin:.3rem 0;width:100%;border-radius:.5rem;border:1px solid #555}
.pay{background:#635bff;color:#fff;border-color:#635bff}small{color:#555}</style></head><body>
<h1>Pembayaran kartu <small>· Card payment</small></h1>
<p><small>Simulasi pengembangan: tidak ada data kartu yang diminta. · Development simulation: no card data is asked for.</small></p>
<p>Pesanan · Order <code>${escapeHtml(p.orderId)}</code></p>
<p class="amount" data-testid="amount">${rupiah(p.amount)}</p>
<form method="post"><input type="hidden" name="outcome" value="pay"><button class="pay" data-testid="pay">Bayar · Pay</button></form>
<form method="post"><input type="hidden" name="outcome" value="expire"><button data-testid="expire">Biarkan kedaluwarsa · Let it expire</button></form>
</body></html>`;
}

/** The event Stripe would send for this Checkout session. */
function checkoutEvent(p: Payment, outcome: 'pay' | 'expire'): Record<string, unknown> {
  const session = {
    id: p.providerRecord.ref,
    object: 'checkout.session',
    amount_total: rupiahToStripeAmount(p.amount),
    currency: 'idr',
    client_reference_id: p.paymentId,
    metadata: { paymentId: p.paymentId, orderId: p.orderId, cooperativeId: p.cooperativeId },
    mode: 'payment',
    payment_intent: outcome === 'pay' ? `pi_sim_${p.paymentId.slice(4)}` : null,
    payment_status: outcome === 'pay' ? 'paid' : 'unpaid',
    status: outcome === 'pay' ? 'complete' : 'expired',
  };
  return {
    id: `evt_sim_${p.paymentId.slice(4)}_${outcome}`,
    object: 'event',
    api_version: '2025-09-30',
    created: Math.floor(Date.now() / 1000),
    type: outcome === 'pay' ? 'checkout.session.completed' : 'checkout.session.expired',
    livemode: false,
    data: { object: session },
  };
}

export function registerDevStripeRoutes(app: OpenAPIHono<AppEnv>, deps: DevStripeDeps): void {
  const load = async (paymentId: string) => {
    const p = await deps.payments.findById(paymentId);
    if (p?.provider !== 'stripe' || !p.providerRecord.ref)
      throw new NotFoundError('PAYMENT.NOT_FOUND', `No card payment ${paymentId}`);
    return p;
  };
  app.openapi(pageRoute, async (c) => c.html(page(await load(c.req.valid('param').paymentId)), 200));
  app.openapi(simulateRoute, async (c) => {
    const p = await load(c.req.valid('param').paymentId);
    const payload = JSON.stringify(checkoutEvent(p, c.req.valid('form').outcome));
    const signature = deps.stripe.webhooks.generateTestHeaderString({
      payload,
      secret: deps.stripeWebhookSecret,
    });
    const res = await fetch(`${deps.selfUrl}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
      signal: AbortSignal.timeout(10_000),
    });
    deps.logger.info(
      { paymentId: p.paymentId, status: res.status },
      'dev: simulated Stripe webhook delivered',
    );
    return c.redirect(`${deps.storefrontUrl}/pesanan/${p.orderId}`, 303);
  });
}
