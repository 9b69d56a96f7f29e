import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { OrderIdSchema, PaymentMethodSchema, RupiahSchema } from '@pasar/contracts';
import { type AccessRule, type AppEnv, canAccessCooperative, defineRoute } from '@pasar/service-kit';
import { PAYMENT_STATUSES, type PaymentView } from '../domain/payment';
import { getPaymentByOrder, paymentNotFound } from '../use-cases/get-payment-by-order';
import type { PaymentsDeps } from '../use-cases/ports';

/**
 * Who may read an order's payment: staff of the order's cooperative who handle or oversee money
 * (the board, the cashier who collects cash, the supervisor who reads). The payment knows its
 * cooperative only once loaded (scope `resource`); another cooperative's payment answers exactly
 * like a missing one. Shoppers have no path here: payments never sees the order's secret link
 * (OrderPaymentRequested carries no token hash), and the web shows the payment state from orders.
 */
export const PAYMENT_READERS = {
  allow: ['pengurus', 'kasir', 'pengawas'],
  scope: 'resource',
} as const satisfies AccessRule;

export const PaymentViewSchema = z
  .object({
    orderId: OrderIdSchema,
    paymentId: z.string(),
    attempt: z.number().int().min(1),
    provider: z.enum(['cash', 'midtrans', 'stripe']),
    paymentMethod: PaymentMethodSchema,
    amount: RupiahSchema,
    status: z.enum(PAYMENT_STATUSES),
    createdAt: z.iso.datetime(),
  })
  .openapi('PaymentView');

// Fails to compile when the schema drifts from the view the use case returns.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(): T => true as T;
agree<Same<z.output<typeof PaymentViewSchema>, PaymentView>>();

export const paymentByOrderRoute = defineRoute({
  method: 'get',
  path: '/payments/by-order/{orderId}',
  summary: "The latest payment attempt of an order, for staff of the order's cooperative",
  access: PAYMENT_READERS,
  request: { params: z.object({ orderId: OrderIdSchema }) },
  responses: {
    200: {
      description: 'What the cooperative should collect or has been paid',
      content: { 'application/json': { schema: PaymentViewSchema } },
    },
  },
});

export function registerPaymentRoutes(app: OpenAPIHono<AppEnv>, deps: PaymentsDeps): void {
  app.openapi(paymentByOrderRoute, async (c) => {
    const { orderId } = c.req.valid('param');
    const payment = await getPaymentByOrder(deps, orderId);
    if (!canAccessCooperative(c, payment.cooperativeId)) throw paymentNotFound(orderId);
    return c.json(payment.view, 200);
  });
}
