import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { AccountFormSchema } from '~/schemas/account.schema';
import { type FieldErrors, parseForm } from '~/schemas/form';
import {
  clearSessionCookie,
  forgetSession,
  requireAuth,
  signedOutByService,
  signOutPerson,
} from '~/utils/auth.server';
import { ApiError, isApiError } from '~/utils/http.server';
import { changePassword, getMe, listCooperatives, requestErasure } from '~/utils/membership.server';
import { maskPhone } from '~/utils/phone-mask';
import { hasStaffRole } from '~/utils/staff';

/** Cooperative names for the grants; the ids are enough when membership's directory does not answer. */
async function cooperativeNames(): Promise<Record<string, string>> {
  try {
    const list = await listCooperatives();
    return Object.fromEntries(list.map((c) => [c.cooperativeId, c.name]));
  } catch {
    return {};
  }
}

export async function loadAccount({ request }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  let person: Awaited<ReturnType<typeof getMe>>;
  try {
    person = await getMe(auth.tokens.membership);
  } catch (error) {
    if (isApiError(error) && error.status === 401) throw await signedOutByService(request, auth);
    throw error;
  }
  const names = await cooperativeNames();
  return data(
    {
      // Only the masked phone reaches the page.
      person: { name: person.name, phoneMasked: maskPhone(person.phone) },
      grants: person.grants.map((g) => ({
        cooperativeId: g.cooperativeId,
        cooperativeName: names[g.cooperativeId] ?? g.cooperativeId,
        roles: g.roles,
        position: g.position ?? null,
        staff: hasStaffRole(g),
      })),
      /** The city office's overview of the cooperatives' books (issue 11). */
      dinas: person.platform.includes('dinas'),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

function passwordErrorsOf(error: ApiError): FieldErrors {
  const named = `${error.code} ${error.message} ${JSON.stringify(error.details ?? '')}`;
  if (/current|WRONG_PASSWORD|INVALID_CREDENTIALS/i.test(named))
    return { currentPassword: 'errors.wrongPassword' };
  if (/newPassword|PASSWORD/i.test(named)) return { newPassword: 'errors.passwordWeak' };
  return { form: 'errors.generic' };
}

/** intent=password: change it (membership then revokes every session: sign in again); intent=erasure. */
export async function accountAction({ request }: ActionFunctionArgs) {
  const auth = await requireAuth(request);
  const body = await request.formData();
  const parsed = parseForm(AccountFormSchema, body);
  if (!parsed.ok) {
    const intent = body.get('intent') === 'erasure' ? ('erasure' as const) : ('password' as const);
    return data({ errors: parsed.errors, intent }, { status: 400 });
  }
  const form = parsed.data;
  try {
    if (form.intent === 'password') {
      await changePassword(auth.tokens.membership, form.currentPassword, form.newPassword);
      forgetSession(auth.sessionId);
      return redirect('/masuk?pesan=sandi', { headers: { 'Set-Cookie': await clearSessionCookie() } });
    }
    await requestErasure(auth.tokens.membership);
    return redirect('/masuk?pesan=hapus', { headers: { 'Set-Cookie': await signOutPerson(request) } });
  } catch (error) {
    if (
      isApiError(error) &&
      error.status === 401 &&
      form.intent === 'password' &&
      /PASSWORD|CREDENTIALS/.test(error.code)
    )
      return data({ errors: passwordErrorsOf(error), intent: form.intent }, { status: 400 });
    if (isApiError(error) && error.status === 401) throw await signedOutByService(request, auth);
    // 409 PASSWORD.TOO_COMMON: valid by the document, refused by the policy (a known password).
    if (
      error instanceof ApiError &&
      (error.status === 400 || error.status === 409) &&
      form.intent === 'password'
    )
      return data({ errors: passwordErrorsOf(error), intent: form.intent }, { status: 400 });
    if (error instanceof ApiError && error.status === 429)
      return data(
        {
          errors: { form: { key: 'signIn.throttled', vars: { seconds: 60 } } } as FieldErrors,
          intent: form.intent,
        },
        { status: 429 },
      );
    if (error instanceof ApiError && error.status < 500)
      return data(
        { errors: { form: 'errors.generic' } as FieldErrors, intent: form.intent },
        { status: 400 },
      );
    throw error;
  }
}
