import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { actionBody, refundBody, statusBody } from '../domain/bodies';
import { MidtransFailure } from '../domain/errors';
import type { Sandbox } from '../sandbox';
import { coreAuth } from './auth';

const RefundSchema = z.object({
  refund_key: z.string().min(1).max(100).optional(),
  amount: z.number().int().positive().optional(),
  reason: z.string().max(255).optional(),
});

/**
 * The Core API answers HTTP 200 and puts the outcome in the body's status_code (404, 412, …), which
 * is what makes midtrans-client reject with a MidtransError (it checks the body's status_code; only
 * 407 passes, as the status of an expired transaction). `id` is Midtrans' request id.
 */
export function coreRoutes(sandbox: Sandbox): Hono {
  const app = new Hono();
  const m = sandbox.merchantId;
  app.use('*', coreAuth(sandbox.serverKey));
  app.onError((err, c) => {
    if (!(err instanceof MidtransFailure)) throw err;
    return c.json({ status_code: err.statusCode, status_message: err.message, id: randomUUID() }, 200);
  });
  app.get('/:id/status', (c) => c.json(statusBody(sandbox.core(c.req.param('id')), m, sandbox.serverKey)));
  app.post('/:id/cancel', (c) => {
    const t = sandbox.core(c.req.param('id'));
    return c.json(actionBody(sandbox.cancel(t.orderId), 'cancel', m));
  });
  app.post('/:id/expire', (c) => {
    const t = sandbox.core(c.req.param('id'), { unchosen: true });
    return c.json(actionBody(sandbox.expire(t.orderId), 'expire', m));
  });
  app.post('/:id/refund', async (c) => {
    const t = sandbox.core(c.req.param('id'));
    const parsed = RefundSchema.safeParse(await c.req.json().catch(() => ({})));
    if (!parsed.success)
      throw new MidtransFailure(
        '400',
        parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '),
      );
    const { refund_key, amount, reason } = parsed.data;
    const key = sandbox.refund(t.orderId, { refundKey: refund_key, amount, reason });
    return c.json(refundBody(sandbox.get(t.orderId), key, m));
  });
  return app;
}
