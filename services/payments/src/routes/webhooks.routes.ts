import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, DomainError, defineRoute } from '@pasar/service-kit';
import type Stripe from 'stripe';
import type { PaymentsDeps } from '../use-cases/ports';
import {
  MidtransNotificationSchema,
  receiveMidtransNotification,
} from '../use-cases/receive-midtrans-notification';
import { receiveStripeEvent } from '../use-cases/receive-stripe-event';

/** Providers call these: no token, the signature is the credential (checked before anything is read). */
const PROVIDER = { allow: ['anonymous'] } as const;

const Received = z
  .object({
    outcome: z.enum(['applied', 'unchanged', 'duplicate', 'ignored']),
    reason: z.string().optional(),
  })
  .openapi('WebhookReceived');

const midtransRoute = defineRoute({
  method: 'post',
  path: '/webhooks/midtrans',
  summary: 'Midtrans HTTP notification: signature_key verified, then confirmed with the status API',
  access: PROVIDER,
  request: {
    body: {
      content: { 'application/json': { schema: MidtransNotificationSchema.passthrough() } },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'Recorded (acted on, a duplicate, or ignored with the reason)',
      content: { 'application/json': { schema: Received } },
    },
  },
});

const stripeRoute = defineRoute({
  method: 'post',
  path: '/webhooks/stripe',
  summary:
    'Stripe webhook: the Stripe-Signature is verified with the signing secret (stale timestamps refused)',
  access: PROVIDER,
  request: {
    headers: z.object({ 'stripe-signature': z.string().max(2048).optional() }),
  },
  responses: {
    200: { description: 'Recorded', content: { 'application/json': { schema: Received } } },
  },
});

export interface WebhookDeps extends PaymentsDeps {
  midtransServerKey: string;
  stripe: Stripe;
  stripeWebhookSecret: string;
}

const MAX_STRIPE_BODY = 256 * 1024;

export function registerWebhookRoutes(app: OpenAPIHono<AppEnv>, deps: WebhookDeps): void {
  app.openapi(midtransRoute, async (c) => {
    const result = await receiveMidtransNotification(deps, c.req.valid('json'));
    if (result.http !== 200) {
      const code = result.http === 401 ? 'WEBHOOK.BAD_SIGNATURE' : 'WEBHOOK.UNKNOWN_ORDER';
      throw new DomainError(code, result.reason, result.http);
    }
    return c.json({ outcome: result.outcome, ...(result.reason ? { reason: result.reason } : {}) }, 200);
  });
  app.openapi(stripeRoute, async (c) => {
    const raw = await c.req.text();
    if (raw.length > MAX_STRIPE_BODY)
      throw new DomainError('REQUEST.TOO_LARGE', 'The body is too large', 413);
    const result = await receiveStripeEvent(deps, raw, c.req.header('stripe-signature'));
    if (result.http === 401) throw new DomainError('WEBHOOK.BAD_SIGNATURE', result.reason, 401);
    return c.json({ outcome: result.outcome, ...(result.reason ? { reason: result.reason } : {}) }, 200);
  });
}
