import { data, redirect } from '@remix-run/node';
import type { FieldErrors } from '~/schemas/form';
import { signedOutByService } from './auth.server';
import { isApiError } from './http.server';
import type { MessageKey, MessageVars } from './i18n';
import { commitSession, flashNotice, getSession, takeNotice } from './session.server';
import type { StaffContext } from './staff.server';

export type StaffFailure = { status: 400 | 403 | 404 | 409; errors: FieldErrors };

/**
 * One staff form's call: a refusal becomes the form's errors (`refusal` maps the service's 4xx; 403 is
 * "not allowed", 404 "gone"), success a redirect back with the notice (post/redirect/get). `target`
 * names the row the errors belong to on a page of many forms.
 */
export async function staffStep(
  request: Request,
  ctx: StaffContext,
  form: { intent: string; target: string; values?: Record<string, string> },
  call: () => Promise<unknown>,
  notice: { key: MessageKey; vars?: MessageVars },
  refusal: (status: number, code: string) => StaffFailure | null = () => null,
) {
  const fail = ({ status, errors }: StaffFailure) =>
    data({ intent: form.intent, target: form.target, errors, values: form.values ?? {} }, { status });
  try {
    await call();
  } catch (error) {
    if (!isApiError(error)) throw error;
    if (error.status === 401) throw await signedOutByService(request, ctx.auth);
    const mapped = refusal(error.status, error.code);
    if (mapped) return fail(mapped);
    if (error.status === 403) return fail({ status: 403, errors: { form: 'errors.notAllowed' } });
    if (error.status === 404) return fail({ status: 404, errors: { form: 'errors.gone' } });
    if (error.status === 409) return fail({ status: 409, errors: { form: 'errors.alreadyDecided' } });
    if (error.status === 400 || error.status === 422)
      return fail({ status: 400, errors: { form: 'errors.generic' } });
    throw error;
  }
  const session = await getSession(request);
  flashNotice(session, notice.key, notice.vars);
  return redirect(new URL(request.url).pathname + new URL(request.url).search, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

/** A refused form before any call: the same shape as staffStep's. */
export function staffFailure(
  form: { intent: string; target: string; values?: Record<string, string> },
  failure: StaffFailure,
) {
  return data(
    { intent: form.intent, target: form.target, errors: failure.errors, values: form.values ?? {} },
    { status: failure.status },
  );
}

/** The flash notice of a staff page, read (and so cleared) with the Set-Cookie to send. */
export async function staffNotice(request: Request) {
  const session = await getSession(request);
  const notice = takeNotice(session);
  const headers: Record<string, string> = notice ? { 'Set-Cookie': await commitSession(session) } : {};
  return { notice, headers };
}
