import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { type FieldErrors, parseForm } from '~/schemas/form';
import { RefundDoneSchema, reconcileQuerySchema } from '~/schemas/payments.schema';
import { signedOutByService } from '~/utils/auth.server';
import { jakartaToday } from '~/utils/datetime';
import { isApiError } from '~/utils/http.server';
import { listManualRefunds, markManualRefundDone, reconcile } from '~/utils/payments.server';
import { commitSession, flashNotice, getSession, takeNotice } from '~/utils/session.server';
import { holdsAny, RECONCILERS, REFUND_DOERS } from '~/utils/staff';
import { requireStaff, type StaffContext, staffCall } from '~/utils/staff.server';
import type { Reconciliation, StaffPaymentView } from '~/utils/views';

/** One manual refund task as the page shows it. */
function taskOf(p: StaffPaymentView) {
  return {
    paymentId: p.paymentId,
    orderId: p.orderId,
    paymentMethod: p.paymentMethod,
    amount: p.refund?.amount ?? p.captured,
    reason: p.refund?.reason ?? null,
    vaNumber: p.vaNumber,
    since: p.refund?.requestedAt ?? p.createdAt,
  };
}

interface ReconcileState {
  /** The form's values: what was asked, or today (WIB) before anything was asked. */
  values: { from: string; to: string };
  errors: FieldErrors;
  /** null until the form is submitted (the check asks the providers, so it never runs by itself). */
  report: Pick<Reconciliation, 'checked' | 'mismatches' | 'unreachable'> | null;
  /** The range the report is about (Jakarta dates). */
  asked: { from: string; to: string | null } | null;
}

/** What a refused range (the service's own check) means for the form. */
function rangeErrorsOf(error: { details?: unknown }): FieldErrors {
  const issues = (error.details as { issues?: { field?: unknown }[] } | undefined)?.issues ?? [];
  return issues.some((i) => i.field === 'query.to') ? { to: 'errors.dateRange' } : { from: 'errors.date' };
}

async function reconciliationOf(request: Request, ctx: StaffContext, url: URL): Promise<ReconcileState> {
  const today = jakartaToday();
  const raw = { from: url.searchParams.get('from'), to: url.searchParams.get('to') ?? '' };
  if (raw.from === null) return { values: { from: today, to: '' }, errors: {}, report: null, asked: null };
  const values = { from: raw.from.slice(0, 32), to: raw.to.slice(0, 32) };
  const parsed = parseForm(reconcileQuerySchema(today), url.searchParams);
  if (!parsed.ok) return { values, errors: parsed.errors, report: null, asked: null };
  const range = parsed.data;
  try {
    const report = await staffCall(request, ctx, () =>
      reconcile(ctx.auth.tokens.payments, ctx.cooperativeId, range),
    );
    return {
      values,
      errors: {},
      report: { checked: report.checked, mismatches: report.mismatches, unreachable: report.unreachable },
      asked: { from: range.from, to: range.to && range.to !== range.from ? range.to : null },
    };
  } catch (error) {
    if (isApiError(error) && error.status === 400)
      return { values, errors: rangeErrorsOf(error), report: null, asked: null };
    throw error;
  }
}

/**
 * Pembayaran (pengurus, kasir, pengawas): the refunds staff must make by hand, and, for the pengurus
 * and the pengawas, the reconciliation check of a day or range. Only pengurus and kasir mark refunds.
 */
export async function loadPayments({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'pembayaran');
  const url = new URL(request.url);
  const canMarkDone = holdsAny(ctx.grant, REFUND_DOERS);
  const canReconcile = holdsAny(ctx.grant, RECONCILERS);
  const [refunds, reconciliation] = await Promise.all([
    staffCall(request, ctx, () => listManualRefunds(ctx.auth.tokens.payments, ctx.cooperativeId)),
    canReconcile ? reconciliationOf(request, ctx, url) : Promise.resolve(null),
  ]);
  const session = await getSession(request);
  const notice = takeNotice(session);
  const invalid = reconciliation !== null && Object.keys(reconciliation.errors).length > 0;
  return data(
    {
      tasks: refunds.items.map(taskOf),
      canMarkDone,
      canReconcile,
      reconciliation,
      notice,
    },
    {
      status: invalid ? 400 : 200,
      headers: {
        'Cache-Control': 'private, no-store',
        ...(notice ? { 'Set-Cookie': await commitSession(session) } : {}),
      },
    },
  );
}

/** "Tandai sudah dikembalikan": a pengurus or kasir records a manual refund with its transfer reference. */
export async function paymentsAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'pembayaran');
  const form = await request.formData();
  const paymentId = String(form.get('paymentId') ?? '').slice(0, 64);
  const values = { note: String(form.get('note') ?? '').slice(0, 600) };
  const fail = (status: 400 | 403 | 404 | 409, errors: FieldErrors) =>
    data({ errors, paymentId, values }, { status });
  if (!holdsAny(ctx.grant, REFUND_DOERS)) return fail(403, { form: 'errors.notAllowed' });
  const parsed = parseForm(RefundDoneSchema, form);
  if (!parsed.ok) return fail(400, parsed.errors);
  const input = parsed.data;
  const order = input.orderId || input.paymentId;
  try {
    await markManualRefundDone(ctx.auth.tokens.payments, ctx.cooperativeId, input.paymentId, input.note);
  } catch (error) {
    if (!isApiError(error)) throw error;
    if (error.status === 401) throw await signedOutByService(request, ctx.auth);
    if (error.status === 409)
      return fail(409, { form: { key: 'staff.refunds.alreadyDone', vars: { order } } });
    if (error.status === 404) return fail(404, { form: { key: 'staff.refunds.notFound', vars: { order } } });
    if (error.status === 403) return fail(403, { form: 'errors.notAllowed' });
    if (error.status === 400) return fail(400, { note: 'errors.refundNoteShort' });
    throw error;
  }
  const session = await getSession(request);
  flashNotice(session, 'staff.refunds.done', { order });
  return redirect(new URL(request.url).pathname, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}
