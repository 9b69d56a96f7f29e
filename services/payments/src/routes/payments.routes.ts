import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { CooperativeIdSchema, OrderIdSchema, PaymentMethodSchema, RupiahSchema } from '@pasar/contracts';
import {
  type AccessRule,
  type AppEnv,
  canAccessCooperative,
  defineRoute,
  principalOf,
  ValidationError,
} from '@pasar/service-kit';
import { PAYMENT_STATUSES, type PaymentView, toPaymentView } from '../domain/payment';
import { MISMATCH_KINDS } from '../domain/reconciliation';
import { getPaymentByOrder, paymentNotFound } from '../use-cases/get-payment-by-order';
import { markManualRefundDone, refundNotFound } from '../use-cases/manual-refund';
import type { PaymentsDeps } from '../use-cases/ports';
import { reconcile } from '../use-cases/reconcile';

/**
 * Who may read an order's payment: staff of the order's cooperative who handle or oversee money
 * (the board, the cashier who collects cash, the supervisor who reads). The payment knows its
 * cooperative only once loaded (scope `resource`); another cooperative's payment answers exactly
 * like a missing one. Shoppers have no path here: the web shows the payment state from orders.
 */
export const PAYMENT_READERS = {
  allow: ['pengurus', 'kasir', 'pengawas'],
  scope: 'resource',
} as const satisfies AccessRule;
/** The manual refund tasks: the board and the cashier do them, the supervisor reads them. */
const REFUND_READERS = {
  allow: ['pengurus', 'kasir', 'pengawas'],
  scope: 'path',
} as const satisfies AccessRule;
const REFUND_DOERS = { allow: ['pengurus', 'kasir'], scope: 'path' } as const satisfies AccessRule;
/** Reconciliation is the board's and the supervisor's check on the money. */
const RECONCILERS = { allow: ['pengurus', 'pengawas'], scope: 'path' } as const satisfies AccessRule;

export const PaymentViewSchema = z
  .object({
    orderId: OrderIdSchema,
    paymentId: z.string(),
    attempt: z.number().int().min(1),
    provider: z.enum(['cash', 'midtrans', 'stripe']),
    paymentMethod: PaymentMethodSchema,
    amount: RupiahSchema,
    captured: RupiahSchema,
    refunded: RupiahSchema,
    status: z.enum(PAYMENT_STATUSES),
    failureReason: z.string().nullable(),
    vaNumber: z.string().nullable(),
    refund: z
      .object({
        amount: RupiahSchema,
        reason: z.enum(['order_cancelled', 'paid_after_expiry', 'paid_after_cancel']),
        note: z.string().nullable(),
        requestedAt: z.iso.datetime(),
        doneAt: z.iso.datetime().nullable(),
      })
      .nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('PaymentView');

// Fails to compile when the schema drifts from the view the use case returns.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(): T => true as T;
agree<Same<z.output<typeof PaymentViewSchema>, PaymentView>>();

const CooperativeParam = z.object({ cooperativeId: CooperativeIdSchema });
const PaymentIdSchema = z.string().regex(/^pay_[0-9A-Za-z]{10,40}$/, 'must be a payment id (pay_…)');

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

const manualRefundsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/refunds/manual',
  summary: 'Refunds staff must make by hand (e.g. bank VA payments Midtrans cannot refund), oldest first',
  access: REFUND_READERS,
  request: { params: CooperativeParam },
  responses: {
    200: {
      description: 'The open manual refund tasks',
      content: { 'application/json': { schema: z.object({ items: z.array(PaymentViewSchema) }) } },
    },
  },
});

const NoteBody = z.object({
  note: z.string().trim().min(3, 'say how the money went back (e.g. the transfer reference)').max(500),
});

const manualRefundDoneRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/refunds/{paymentId}/done',
  summary: 'Mark a manual refund done, with a note (audited); once only',
  access: REFUND_DOERS,
  request: {
    params: CooperativeParam.extend({ paymentId: PaymentIdSchema }),
    body: { content: { 'application/json': { schema: NoteBody } }, required: true },
  },
  responses: {
    200: { description: 'Refunded', content: { 'application/json': { schema: PaymentViewSchema } } },
  },
});

const DAY = 24 * 60 * 60 * 1000;
const MAX_RANGE_DAYS = 31;
const ReconcileQuery = z.object({
  from: z.iso.date({ error: 'must be a date (YYYY-MM-DD)' }),
  to: z.iso.date({ error: 'must be a date (YYYY-MM-DD)' }).optional(),
});

const MismatchSchema = z.object({
  kind: z.enum(MISMATCH_KINDS),
  paymentId: z.string(),
  orderId: z.string(),
  detail: z.string(),
});
export const ReconciliationSchema = z
  .object({
    cooperativeId: z.string().nullable(),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    checked: z.number().int().nonnegative(),
    unreachable: z.array(z.object({ paymentId: z.string(), orderId: z.string(), error: z.string() })),
    mismatches: z.array(MismatchSchema),
  })
  .openapi('Reconciliation');

const reconciliationRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/reconciliation',
  summary:
    'Compare every online payment of a day or range (Asia/Jakarta dates, to inclusive) with its provider and its order',
  access: RECONCILERS,
  request: { params: CooperativeParam, query: ReconcileQuery },
  responses: {
    200: {
      description: 'The mismatches found (none on a clean day)',
      content: { 'application/json': { schema: ReconciliationSchema } },
    },
  },
});

/** A Jakarta calendar day [from, to] as an instant range: WIB is UTC+7 all year. */
export function jakartaRange(from: string, to?: string): { from: Date; to: Date } {
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(new Date(`${to ?? from}T00:00:00+07:00`).getTime() + DAY);
  if (Number.isNaN(start.getTime()))
    throw new ValidationError([{ field: 'query.from', message: 'must be a calendar date' }]);
  if (Number.isNaN(end.getTime()))
    throw new ValidationError([{ field: 'query.to', message: 'must be a calendar date' }]);
  if (end <= start) throw new ValidationError([{ field: 'query.to', message: 'must not be before from' }]);
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY)
    throw new ValidationError([{ field: 'query.to', message: `a range is at most ${MAX_RANGE_DAYS} days` }]);
  return { from: start, to: end };
}

export function registerPaymentRoutes(app: OpenAPIHono<AppEnv>, deps: PaymentsDeps): void {
  app.openapi(paymentByOrderRoute, async (c) => {
    const { orderId } = c.req.valid('param');
    const payment = await getPaymentByOrder(deps, orderId);
    if (!canAccessCooperative(c, payment.cooperativeId)) throw paymentNotFound(orderId);
    return c.json(payment.view, 200);
  });
  app.openapi(manualRefundsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const items = await deps.payments.listByStatus(cooperativeId, 'MANUAL_REFUND', 200);
    return c.json({ items: items.map(toPaymentView) }, 200);
  });
  app.openapi(manualRefundDoneRoute, async (c) => {
    const { cooperativeId, paymentId } = c.req.valid('param');
    const payment = await deps.payments.findById(paymentId);
    if (!payment || payment.cooperativeId !== cooperativeId) throw refundNotFound(paymentId);
    const principal = principalOf(c);
    if (!principal) throw refundNotFound(paymentId);
    const done = await markManualRefundDone(deps, principal, payment, c.req.valid('json').note);
    return c.json(toPaymentView(done), 200);
  });
  app.openapi(reconciliationRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const q = c.req.valid('query');
    const report = await reconcile(deps, { cooperativeId, ...jakartaRange(q.from, q.to) });
    return c.json(report, 200);
  });
}
