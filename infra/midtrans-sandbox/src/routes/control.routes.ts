import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { MidtransFailure } from '../domain/errors';
import { methodOf, refunded, statusCodeOf, type Transaction } from '../domain/transaction';
import type { Delivery } from '../notifier';
import type { Sandbox } from '../sandbox';

const KnobsSchema = z.object({
  duplicates: z.number().int().min(0).max(20).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  reorder: z.boolean().optional(),
});
const ChooseSchema = KnobsSchema.extend({
  payment_type: z.enum(['qris', 'gopay', 'shopeepay', 'bank_transfer']),
  bank: z.enum(['bca', 'bni', 'bri', 'permata']).optional(),
});
const ConfigSchema = KnobsSchema.extend({
  notificationUrl: z.string().url().nullable().optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
  retryBaseMs: z.number().int().min(0).max(60_000).optional(),
  timeoutMs: z.number().int().min(1).max(60_000).optional(),
});
const TamperSchema = z.object({ gross_amount: z.number().int().nonnegative() });

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** The control API has no auth, so it only answers callers on this machine. */
const loopbackOnly: MiddlewareHandler = async (c, next) => {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    address = undefined; // not served by @hono/node-server (app.request in a test): in-process caller
  }
  if (address !== undefined && !LOOPBACK.test(address))
    return c.json(
      { code: 'SANDBOX.FORBIDDEN', message: 'the control API only answers loopback callers' },
      403,
    );
  await next();
};

function deliveryView(d: Delivery) {
  return {
    id: d.id,
    url: d.url,
    transaction_status: d.transactionStatus,
    copy: d.copy,
    status: d.state,
    attempts: d.attempts,
    last_http_status: d.lastHttpStatus ?? null,
    last_error: d.lastError ?? null,
    delivered_at: d.deliveredAt ?? null,
  };
}

/** One transaction as tests and the dev UI see it (amounts as integer rupiah). */
export function transactionView(sandbox: Sandbox, t: Transaction) {
  return {
    order_id: t.orderId,
    token: t.token,
    transaction_id: t.transactionId,
    status: t.status,
    status_code: statusCodeOf(t.status),
    gross_amount: t.grossAmount,
    reported_gross_amount: t.reportedAmount ?? null,
    payment_type: t.paymentType ?? null,
    bank: t.bank ?? null,
    va_number: t.vaNumber ?? null,
    methods: t.methods,
    finish_url: t.finishUrl ?? null,
    created_at: t.createdAt.toISOString(),
    expires_at: t.expiresAt.toISOString(),
    settlement_time: t.settlementTime?.toISOString() ?? null,
    refunded_amount: refunded(t),
    refunds: t.refunds.map((r) => ({
      refund_key: r.refundKey,
      amount: r.amount,
      reason: r.reason ?? null,
      refund_chargeback_id: r.chargebackId,
      at: r.at.toISOString(),
    })),
    notification_urls: sandbox.urlsFor(t),
    notifications: sandbox.notifier.deliveries(t.orderId).map(deliveryView),
  };
}

async function body<T extends z.ZodType>(req: { json(): Promise<unknown> }, schema: T): Promise<z.infer<T>> {
  const raw = await req.json().catch(() => ({}));
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new MidtransFailure(
      '400',
      parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '),
    );
  return parsed.data;
}

const HTTP_OF = { '400': 400, '401': 401, '404': 404, '406': 409, '412': 409 } as const;
const CODE_OF = {
  '400': 'REQUEST.INVALID',
  '401': 'REQUEST.UNAUTHORIZED',
  '404': 'TRANSACTION.NOT_FOUND',
  '406': 'TRANSACTION.DUPLICATE',
  '412': 'TRANSACTION.INVALID_TRANSITION',
} as const;

/** /_sandbox/*: drive transactions like the page buttons do, inspect deliveries, set the knobs. */
export function controlRoutes(sandbox: Sandbox): Hono {
  const app = new Hono();
  app.use('*', loopbackOnly);
  app.onError((err, c) => {
    if (!(err instanceof MidtransFailure)) throw err;
    return c.json({ code: CODE_OF[err.statusCode], message: err.message }, HTTP_OF[err.statusCode]);
  });
  const view = (t: Transaction) => transactionView(sandbox, t);

  app.get('/health', (c) => c.json({ ok: true }));
  app.get('/config', (c) => c.json(sandbox.config));
  app.post('/config', async (c) => {
    const { notificationUrl, ...rest } = await body(c.req, ConfigSchema);
    const next = { ...sandbox.config };
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) Object.assign(next, { [k]: v });
    if (notificationUrl !== undefined) next.notificationUrl = notificationUrl ?? undefined;
    sandbox.config = next;
    return c.json(sandbox.config);
  });
  app.post('/reset', (c) => {
    sandbox.reset();
    return c.json({ ok: true });
  });
  app.get('/transactions', (c) => c.json({ transactions: sandbox.all().map(view) }));
  app.get('/transactions/:id', (c) => c.json(view(sandbox.get(c.req.param('id')))));
  app.post('/transactions/:id/choose', async (c) => {
    const { payment_type, bank, ...knobs } = await body(c.req, ChooseSchema);
    return c.json(view(sandbox.choose(c.req.param('id'), methodOf(payment_type, bank), knobs)));
  });
  app.post('/transactions/:id/pay', async (c) =>
    c.json(view(sandbox.pay(c.req.param('id'), await body(c.req, KnobsSchema)))),
  );
  app.post('/transactions/:id/fail', async (c) =>
    c.json(view(sandbox.fail(c.req.param('id'), await body(c.req, KnobsSchema)))),
  );
  app.post('/transactions/:id/expire', async (c) =>
    c.json(view(sandbox.expire(c.req.param('id'), await body(c.req, KnobsSchema)))),
  );
  app.post('/transactions/:id/tamper', async (c) => {
    const { gross_amount } = await body(c.req, TamperSchema);
    return c.json(view(sandbox.tamper(c.req.param('id'), gross_amount)));
  });
  app.post('/transactions/:id/flush', (c) =>
    c.json({ released: sandbox.notifier.flush(sandbox.get(c.req.param('id')).orderId) }),
  );
  app.post('/notify/:id', async (c) =>
    c.json(view(sandbox.renotify(c.req.param('id'), await body(c.req, KnobsSchema)))),
  );
  return app;
}
