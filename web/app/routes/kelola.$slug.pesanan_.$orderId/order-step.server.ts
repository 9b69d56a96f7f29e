import { type ActionFunctionArgs, data, redirect } from '@remix-run/node';
import {
  CancelStepSchema,
  completeSchema,
  type StepIntent,
  StepIntentSchema,
} from '~/schemas/fulfilment.schema';
import { type FieldErrors, parseForm } from '~/schemas/form';
import { signedOutByService } from '~/utils/auth.server';
import { orderNumber, roleAllows } from '~/utils/fulfilment';
import { type CompleteBody, runStaffAction } from '~/utils/fulfilment.server';
import { type ApiError, isApiError, notFound } from '~/utils/http.server';
import { commitSession, flashNotice, getSession } from '~/utils/session.server';
import { requireOrderId, requireStaff } from '~/utils/staff.server';
import { fetchStaffOrder } from './staff-order.server';

type Status = 400 | 403 | 409 | 422 | 429;

/** A wrong pickup code: orders answers 409 or 422 naming the code (its exact error code is not fixed yet). */
function isWrongCode(error: ApiError): boolean {
  if (error.status !== 409 && error.status !== 422) return false;
  if (error.code === 'ORDER.INVALID_TRANSITION') return false;
  return /PICKUP|CODE/i.test(error.code) || /pickupCode/.test(JSON.stringify(error.details ?? ''));
}

/** What a refusal of the orders service means on the page, and with which status the page answers. */
function refusalOf(error: ApiError): { status: Status; errors: FieldErrors; retryAfter?: number } {
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds ?? 60;
    return {
      status: 429,
      errors: { pickupCode: { key: 'staff.step.tooManyCodes', vars: { minutes: Math.ceil(seconds / 60) } } },
      retryAfter: seconds,
    };
  }
  if (isWrongCode(error)) return { status: 422, errors: { pickupCode: 'staff.step.wrongCode' } };
  if (error.status === 409) return { status: 409, errors: { form: 'staff.step.invalidTransition' } };
  if (error.status === 403) return { status: 403, errors: { form: 'errors.notAllowed' } };
  if (error.status === 400 || error.status === 422) {
    const named = JSON.stringify(error.details ?? '') + error.message;
    if (/cashReceived/.test(named)) return { status: 400, errors: { cashReceived: 'errors.cashTooLittle' } };
    if (/reason/.test(named)) return { status: 400, errors: { reason: 'errors.cancelReasonShort' } };
  }
  return { status: 400, errors: { form: 'errors.generic' } };
}

/**
 * The step forms of the staff order page (Kemas, Siap diambil, Kirim, Selesaikan, Batalkan): the person's
 * role is checked here, the order's state by the orders service (409 when it moved on meanwhile).
 * Success → back to the order (post/redirect/get) with a notice naming it.
 */
export async function staffOrderAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'pesanan');
  const orderId = requireOrderId(params.orderId);
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const key of ['pickupCode', 'cashReceived', 'note', 'reason'])
    values[key] = String(form.get(key) ?? '').slice(0, 600);
  const intentOf = parseForm(StepIntentSchema, form);
  const intent: StepIntent | null = intentOf.ok ? intentOf.data.intent : null;
  const fail = (status: Status, errors: FieldErrors, retryAfter?: number) =>
    data(
      { intent, errors, values },
      { status, headers: retryAfter ? { 'Retry-After': String(retryAfter) } : undefined },
    );
  if (!intent) return fail(400, { form: 'errors.invalidForm' });

  const order = await fetchStaffOrder(request, ctx, orderId);
  const fulfilment = order.fulfilment.method;
  if (!roleAllows(intent, fulfilment, ctx.grant.roles)) return fail(403, { form: 'errors.notAllowed' });

  let body: CompleteBody | { reason: string } | Record<string, never> = {};
  if (intent === 'complete') {
    const parsed = parseForm(
      completeSchema({
        total: order.total,
        cash: order.paymentMethod === 'cash',
        pickup: fulfilment === 'pickup',
      }),
      form,
    );
    if (!parsed.ok) return fail(400, parsed.errors);
    const { pickupCode, cashReceived, note } = parsed.data;
    body = {
      ...(pickupCode ? { pickupCode } : {}),
      ...(order.paymentMethod === 'cash' && cashReceived !== undefined ? { cashReceived } : {}),
      ...(note ? { note } : {}),
    };
  } else if (intent === 'cancel') {
    const parsed = parseForm(CancelStepSchema, form);
    if (!parsed.ok) return fail(400, parsed.errors);
    body = { reason: parsed.data.reason };
  }

  let after: Awaited<ReturnType<typeof runStaffAction>>;
  try {
    after = await runStaffAction(
      ctx.auth.tokens.orders,
      ctx.cooperativeId,
      orderId,
      intent,
      body,
      order.fulfilment.method,
    );
  } catch (error) {
    if (!isApiError(error)) throw error;
    if (error.status === 401) throw await signedOutByService(request, ctx.auth);
    if (error.status === 404) throw notFound('staffOrder');
    const refusal = refusalOf(error);
    return fail(refusal.status, refusal.errors, refusal.retryAfter);
  }
  const session = await getSession(request);
  flashNotice(session, `staff.step.done.${intent}`, { order: orderNumber(after) });
  return redirect(new URL(request.url).pathname, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}
