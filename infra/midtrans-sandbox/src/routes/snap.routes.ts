import { Hono } from 'hono';
import { z } from 'zod';
import { MidtransFailure } from '../domain/errors';
import { ENABLED_PAYMENTS, methodsFor } from '../domain/transaction';
import type { Sandbox } from '../sandbox';
import { snapAuth } from './auth';

const UNIT_MS = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
const DEFAULT_EXPIRY_MS = UNIT_MS.day;

const rupiah = z.number().int().nonnegative();
const SnapRequestSchema = z.object({
  transaction_details: z.object({
    order_id: z
      .string()
      .min(1)
      .max(50)
      .regex(/^[A-Za-z0-9\-_.~]+$/, 'may only hold letters, digits, - _ . ~'),
    gross_amount: rupiah.positive(),
  }),
  item_details: z
    .array(
      z.object({
        id: z.string().optional(),
        name: z.string().max(50).optional(),
        price: rupiah,
        quantity: z.number().int().positive(),
      }),
    )
    .optional(),
  enabled_payments: z.array(z.enum(ENABLED_PAYMENTS)).optional(),
  custom_expiry: z
    .object({
      start_time: z.string().optional(),
      expiry_duration: z.number().int().positive(),
      unit: z
        .enum(['second', 'minute', 'hour', 'day', 'seconds', 'minutes', 'hours', 'days'])
        .transform((u) => u.replace(/s$/, '') as keyof typeof UNIT_MS),
    })
    .optional(),
  callbacks: z.object({ finish: z.string().url().optional() }).optional(),
  customer_details: z.record(z.string(), z.unknown()).optional(),
});

function urlList(header: string | undefined): string[] | undefined {
  if (!header) return undefined;
  const urls = header
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  return urls.length > 0 ? urls.slice(0, 3) : undefined; // Midtrans takes at most 3
}

/** POST /snap/v1/transactions: the Snap token and the payment page's URL. */
export function snapRoutes(sandbox: Sandbox, publicUrl: string | undefined): Hono {
  const app = new Hono();
  app.use('*', snapAuth(sandbox.serverKey));
  // Snap, unlike the Core API, answers with the real HTTP status (400, 406, …) and error_messages.
  app.onError((err, c) => {
    if (!(err instanceof MidtransFailure)) throw err;
    return c.json({ error_messages: [err.message] }, Number(err.statusCode) as 400);
  });
  app.post('/transactions', async (c) => {
    const raw = await c.req.json().catch(() => undefined);
    const parsed = SnapRequestSchema.safeParse(raw);
    if (!parsed.success)
      return c.json(
        { error_messages: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`) },
        400,
      );
    const req = parsed.data;
    const items = req.item_details ?? [];
    const sum = items.reduce((n, i) => n + i.price * i.quantity, 0);
    if (items.length > 0 && sum !== req.transaction_details.gross_amount)
      return c.json(
        { error_messages: ['transaction_details.gross_amount tidak sama dengan jumlah harga item_details'] },
        400,
      );
    const expiry = req.custom_expiry;
    const t = sandbox.create({
      orderId: req.transaction_details.order_id,
      grossAmount: req.transaction_details.gross_amount,
      items,
      methods: methodsFor(req.enabled_payments),
      expiryMs: expiry ? expiry.expiry_duration * UNIT_MS[expiry.unit] : DEFAULT_EXPIRY_MS,
      finishUrl: req.callbacks?.finish,
      customer: req.customer_details,
      overrideUrls: urlList(c.req.header('x-override-notification')),
      appendUrls: urlList(c.req.header('x-append-notification')) ?? [],
    });
    const base = publicUrl ?? new URL(c.req.url).origin;
    return c.json({ token: t.token, redirect_url: `${base}/snap/v4/redirection/${t.token}` }, 201);
  });
  return app;
}
