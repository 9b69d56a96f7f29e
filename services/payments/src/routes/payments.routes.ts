import { OrderIdSchema } from '@pasar/contracts';
import { type AppEnv, requireAdmin, validate } from '@pasar/service-kit';
import { Hono } from 'hono';
import { z } from 'zod';
import { getPaymentByOrder } from '../use-cases/get-payment-by-order';
import type { PaymentsDeps } from '../use-cases/ports';

const OrderParam = z.object({ orderId: OrderIdSchema });

/** Staff only until the auth issue: what the cooperative should collect for an order. */
export function paymentsRoutes(deps: PaymentsDeps, adminToken: string) {
  return new Hono<AppEnv>().get(
    '/payments/by-order/:orderId',
    requireAdmin(adminToken),
    validate('param', OrderParam),
    async (c) => c.json(await getPaymentByOrder(deps, c.req.valid('param').orderId)),
  );
}
