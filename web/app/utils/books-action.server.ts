import { data, redirect } from '@remix-run/node';
import type { FieldError, FieldErrors } from '~/schemas/form';
import { signedOutByService } from './auth.server';
import { periodName } from './books';
import { type ApiError, isApiError } from './http.server';
import type { MessageKey, MessageVars } from './i18n';
import { commitSession, flashNotice, getLang, getSession } from './session.server';
import type { StaffContext } from './staff.server';

export interface BookForm {
  intent: string;
  /** The row the answer belongs to on a page of many forms (a manual entry, a month). */
  target: string;
  values: Record<string, string>;
}

export type BookFailure = { status: 400 | 403 | 404 | 409; errors: FieldErrors };

/** A refused form: the same shape whether the web or the ledger refused it. */
export function bookFailure(form: BookForm, failure: BookFailure) {
  return data(
    { intent: form.intent, target: form.target, errors: failure.errors, values: form.values },
    { status: failure.status },
  );
}

const issuesOf = (error: ApiError): { field: string; message: string }[] => {
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues)
    ? issues.filter(
        (i): i is { field: string; message: string } =>
          typeof i?.field === 'string' && typeof i?.message === 'string',
      )
    : [];
};

/**
 * The ledger's refusals in the reader's words, on the field they concern where the form has it
 * (`fields`; otherwise at the top of the form) — services/ledger/src/domain/errors.ts. `lang` words
 * the month a refusal names.
 */
export function ledgerRefusal(
  error: ApiError,
  lang: 'id' | 'en',
  form: Pick<BookForm, 'intent'>,
  fields: readonly string[] = [],
): BookFailure {
  const failure = refusalOf(error, lang, form);
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(failure.errors)) {
    const on = field === 'form' || fields.includes(field) ? field : 'form';
    errors[on] ??= message;
  }
  return { status: failure.status, errors };
}

function refusalOf(error: ApiError, lang: 'id' | 'en', form: Pick<BookForm, 'intent'>): BookFailure {
  const period = (error.details as { period?: unknown } | undefined)?.period;
  const month = typeof period === 'string' ? (period.length === 7 ? periodName(period, lang) : period) : '';
  const on = (key: MessageKey, vars?: MessageVars): FieldError => (vars ? { key, vars } : key);
  switch (error.code) {
    case 'LEDGER.PERIOD_CLOSED':
      // Approving: the entry's month closed after it was proposed; it cannot be booked as it is.
      return form.intent === 'approve'
        ? { status: 409, errors: { form: on('books.errors.periodClosedApprove', { period: month }) } }
        : { status: 409, errors: { occurredAt: on('books.errors.periodClosed', { period: month }) } };
    case 'LEDGER.PERIOD_NOT_ENDED':
      return { status: 409, errors: { form: on('books.errors.periodNotEnded', { period: month }) } };
    case 'LEDGER.SECOND_PENGURUS_REQUIRED':
      return { status: 403, errors: { form: 'books.errors.secondPengurus' } };
    case 'LEDGER.MANUAL_ENTRY_DECIDED':
      return { status: 409, errors: { form: 'books.errors.decided' } };
    case 'LEDGER.ALREADY_REVERSED':
      return { status: 409, errors: { form: 'books.errors.alreadyReversed' } };
    case 'LEDGER.REVERSAL_NOT_REVERSIBLE':
      return { status: 409, errors: { form: 'books.errors.reversalNotReversible' } };
  }
  if (error.status === 400) {
    const errors: FieldErrors = {};
    for (const { field, message } of issuesOf(error)) {
      if (/lines/.test(field)) errors.lines ??= 'books.lines.refused';
      else if (/occurredAt/.test(field))
        errors.occurredAt ??= /future/.test(message) ? 'errors.dateFuture' : 'errors.date';
      else if (/memo/.test(field)) errors.memo ??= 'books.errors.memo';
      else if (/reason/.test(field)) errors.reason ??= 'errors.reasonShort';
    }
    return { status: 400, errors: Object.keys(errors).length > 0 ? errors : { form: 'errors.generic' } };
  }
  if (error.status === 403) return { status: 403, errors: { form: 'errors.notAllowed' } };
  if (error.status === 404) return { status: 404, errors: { form: 'errors.gone' } };
  if (error.status === 409) return { status: 409, errors: { form: 'errors.alreadyDecided' } };
  return { status: 400, errors: { form: 'errors.generic' } };
}

/**
 * One books form's call to the ledger: a refusal (4xx) becomes the form's errors (on `fields` the
 * form shows, else at its top), success a redirect (post/redirect/get) to `to` (this page by
 * default) with the notice. 401 → sign in again.
 */
export async function bookStep(
  request: Request,
  ctx: StaffContext,
  form: BookForm,
  call: () => Promise<unknown>,
  notice: { key: MessageKey; vars?: MessageVars },
  opts: { to?: string; fields?: readonly string[] } = {},
) {
  try {
    await call();
  } catch (error) {
    if (!isApiError(error)) throw error;
    if (error.status === 401) throw await signedOutByService(request, ctx.auth);
    return bookFailure(form, ledgerRefusal(error, await requestLang(request), form, opts.fields));
  }
  const session = await getSession(request);
  flashNotice(session, notice.key, notice.vars);
  const here = new URL(request.url);
  return redirect(opts.to ?? here.pathname + here.search, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

/** The reader's language (the session's), for words the server puts into a message. */
export async function requestLang(request: Request): Promise<'id' | 'en'> {
  return getLang(await getSession(request));
}
