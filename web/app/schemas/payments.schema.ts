import { z } from 'zod';

/** Forms of /kelola/:slug/pembayaran. Field names = input names; messages are catalogue keys. */

/** Payment ids as the payments service makes them (pay_…). */
const PaymentId = z
  .string({ error: 'errors.invalidForm' })
  .regex(/^pay_[0-9A-Za-z]{10,40}$/, 'errors.invalidForm');

/** "Tandai sudah dikembalikan": the note says how the money went back (the service wants 3..500). */
export const RefundDoneSchema = z.object({
  intent: z.literal('refund-done', { error: 'errors.invalidForm' }),
  paymentId: PaymentId,
  /** Only to name the order in the message. */
  orderId: z.string().trim().max(64).default(''),
  note: z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .min(3, 'errors.refundNoteShort')
    .max(500, 'errors.tooLong'),
});
export type RefundDoneInput = z.infer<typeof RefundDoneSchema>;

/** The service's limit on a reconciliation range (Jakarta days, both ends included). */
export const MAX_RECONCILE_DAYS = 31;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A real calendar date written YYYY-MM-DD (the value of an `<input type="date">`). */
function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const dayNumber = (value: string) => Date.parse(`${value}T00:00:00Z`) / DAY_MS;

const Day = z.string({ error: 'errors.date' }).trim().refine(isCalendarDay, 'errors.date');

/**
 * The reconciliation form (GET): one day (`from`) or a range `from`..`to`, at most 31 days, not after
 * `today` (WIB). Built per request because "today" moves.
 */
export function reconcileQuerySchema(today: string) {
  return z
    .object({
      from: Day,
      to: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), Day.optional()),
    })
    .superRefine((q, ctx) => {
      if (q.from > today) ctx.addIssue({ code: 'custom', path: ['from'], message: 'errors.dateFuture' });
      if (q.to === undefined) return;
      if (q.to > today) ctx.addIssue({ code: 'custom', path: ['to'], message: 'errors.dateFuture' });
      else if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'errors.dateOrder' });
      else if (dayNumber(q.to) - dayNumber(q.from) + 1 > MAX_RECONCILE_DAYS)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'errors.dateRange' });
    });
}
