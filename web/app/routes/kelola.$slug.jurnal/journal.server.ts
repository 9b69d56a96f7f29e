import { randomUUID } from 'node:crypto';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { type FieldErrors, parseForm } from '~/schemas/form';
import { type ManualEntry, mayDecide, mayRecord } from '~/utils/books';
import { bookFailure, bookStep } from '~/utils/books-action.server';
import { checkLines, lineField, readLineRows, rowCount } from '~/utils/books-lines';
import {
  approveManualEntry,
  listAccounts,
  listManualEntries,
  proposeManualEntry,
  rejectManualEntry,
} from '~/utils/books.server';
import { jakartaToday } from '~/utils/datetime';
import { staffNotice } from '~/utils/staff-action.server';
import { requireStaff, staffCall } from '~/utils/staff.server';

const ManualIdSchema = z
  .string({ error: 'errors.invalidForm' })
  .regex(/^me_[0-9A-Za-z]{10,40}$/, 'errors.invalidForm');

/** The proposal's memo and date (its lines are checked by checkLines). */
export const ProposeSchema = z.object({
  memo: z
    .string({ error: 'books.errors.memo' })
    .trim()
    .min(3, 'books.errors.memo')
    .max(300, 'errors.tooLong'),
  occurredAt: z
    .string({ error: 'errors.date' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
    .refine(
      (d) =>
        !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      'errors.date',
    )
    .refine((d) => d <= jakartaToday(), 'errors.dateFuture'),
});

const DecisionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), manualEntryId: ManualIdSchema }),
  z.object({
    intent: z.literal('reject'),
    manualEntryId: ManualIdSchema,
    reason: z
      .string({ error: 'errors.reasonShort' })
      .trim()
      .min(3, 'errors.reasonShort')
      .max(300, 'errors.tooLong'),
  }),
]);

/** A day of the books (WIB) as the instant the ledger books it at: noon, well inside that day's month. */
export const bookedAt = (day: string) => `${day}T12:00:00+07:00`;

const isPending = (e: ManualEntry) => e.status === 'pending' || e.status === 'approving';

/**
 * Jurnal manual (pengurus, pengawas read): entries waiting for a second pengurus, the decided ones,
 * and for the bendahara the form to propose one (`?baris=` rows of lines).
 */
export async function loadManualEntries({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'jurnal');
  const token = ctx.auth.tokens.ledger;
  const [entries, accounts] = await Promise.all([
    staffCall(request, ctx, () => listManualEntries(token, ctx.cooperativeId)),
    staffCall(request, ctx, () => listAccounts(token)),
  ]);
  const { notice, headers } = await staffNotice(request);
  return data(
    {
      pending: entries.filter(isPending),
      decided: entries.filter((e) => !isPending(e)),
      accounts,
      me: ctx.auth.person.personId,
      canPropose: mayRecord(ctx.grant),
      canDecide: mayDecide(ctx.grant),
      rows: rowCount(new URL(request.url).searchParams.get('baris')),
      today: jakartaToday(),
      /** A new key per load: after a proposal is booked the form starts empty again. */
      formKey: randomUUID(),
      notice,
    },
    { headers: { 'Cache-Control': 'private, no-store', ...headers } },
  );
}

/** intent=propose (the bendahara), approve / reject (a pengurus; never approving their own). */
export async function manualEntriesAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'jurnal');
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '').slice(0, 20);
  const token = ctx.auth.tokens.ledger;
  if (intent === 'propose') {
    const rows = readLineRows(form);
    const values: Record<string, string> = {
      memo: String(form.get('memo') ?? '').slice(0, 400),
      occurredAt: String(form.get('occurredAt') ?? '').slice(0, 20),
      rows: String(rows.length),
    };
    rows.forEach((r, i) => {
      values[lineField(i, 'account')] = r.account;
      values[lineField(i, 'debit')] = r.debit;
      values[lineField(i, 'credit')] = r.credit;
    });
    const step = { intent, target: 'propose', values };
    if (!mayRecord(ctx.grant))
      return bookFailure(step, { status: 403, errors: { form: 'books.errors.bendaharaOnly' } });
    // "More rows": the same form back with two empty rows more, nothing typed lost (no JavaScript needed).
    if (form.has('more')) {
      values.rows = String(rowCount(String(rows.length + 2), rows.length));
      return data({ ...step, errors: {} as FieldErrors });
    }
    const parsed = parseForm(ProposeSchema, form);
    const accounts = await staffCall(request, ctx, () => listAccounts(token));
    const lines = checkLines(rows, new Set(accounts.map((a) => a.code)));
    if (!parsed.ok || !lines.ok)
      return bookFailure(step, {
        status: 400,
        errors: { ...(parsed.ok ? {} : parsed.errors), ...(lines.ok ? {} : lines.errors) },
      });
    return bookStep(
      request,
      ctx,
      step,
      () =>
        proposeManualEntry(token, ctx.cooperativeId, {
          memo: parsed.data.memo,
          occurredAt: bookedAt(parsed.data.occurredAt),
          lines: lines.lines,
        }),
      { key: 'books.manual.proposed', vars: { memo: parsed.data.memo } },
      { to: new URL(request.url).pathname, fields: ['memo', 'occurredAt', 'lines'] },
    );
  }
  const target = String(form.get('manualEntryId') ?? '').slice(0, 64);
  const step = { intent, target, values: { reason: String(form.get('reason') ?? '').slice(0, 400) } };
  if (!mayDecide(ctx.grant)) return bookFailure(step, { status: 403, errors: { form: 'errors.notAllowed' } });
  const parsed = parseForm(DecisionSchema, form);
  if (!parsed.ok) return bookFailure(step, { status: 400, errors: parsed.errors });
  const input = parsed.data;
  if (input.intent === 'approve')
    return bookStep(
      request,
      ctx,
      step,
      () => approveManualEntry(token, ctx.cooperativeId, input.manualEntryId),
      { key: 'books.manual.approved' },
    );
  return bookStep(
    request,
    ctx,
    step,
    () => rejectManualEntry(token, ctx.cooperativeId, input.manualEntryId, input.reason),
    { key: 'books.manual.rejected' },
    { fields: ['reason'] },
  );
}
