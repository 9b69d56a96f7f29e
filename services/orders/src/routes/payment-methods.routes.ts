import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { CooperativeIdSchema, PaymentMethodSchema } from '@pasar/contracts';
import { type AppEnv, createRouter, defineRoute } from '@pasar/service-kit';
import { getPaymentMethods } from '../use-cases/get-payment-methods';
import type { OrdersDeps } from '../use-cases/ports';
import { ACCESS } from './auth';
import { invalidToken } from './responses';
import { CooperativeParams } from './schemas';
import { json } from './views.schemas';

export const PaymentMethodsSchema = z
  .object({
    cooperativeId: CooperativeIdSchema,
    paymentMethods: z.array(PaymentMethodSchema).openapi({
      description: "The cooperative's methods that the platform also takes; what POST /orders accepts for it",
    }),
  })
  .openapi('PaymentMethods');

/** For the checkout page: which payment methods to offer in this cooperative. */
export const paymentMethodsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/payment-methods',
  summary: 'The payment methods a shopper of the cooperative may choose',
  access: ACCESS.guest,
  request: { params: CooperativeParams },
  responses: { 200: json(PaymentMethodsSchema, 'The methods offered, in a fixed order'), ...invalidToken },
});

export function paymentMethodRoutes(deps: OrdersDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(paymentMethodsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    return c.json({ cooperativeId, paymentMethods: await getPaymentMethods(deps, cooperativeId) }, 200);
  });
  return app;
}
