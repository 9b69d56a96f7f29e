import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { SignInSchema } from '~/schemas/account.schema';
import { type FieldErrors, parseForm } from '~/schemas/form';
import { getAuth, safeRedirect, signInPerson } from '~/utils/auth.server';
import { isApiError } from '~/utils/http.server';
import type { MessageKey } from '~/utils/i18n';

/** Messages the sign-in page shows after a redirect to it (`?pesan=…`, `?sesi=berakhir`): no cookie needed. */
const MESSAGES: Record<string, MessageKey> = {
  keluar: 'signIn.signedOut',
  sandi: 'signIn.passwordChanged',
  atur: 'signIn.passwordSet',
  hapus: 'account.erasureRequested',
};

export async function loadSignIn({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get('redirectTo'), '/akun');
  const auth = await getAuth(request);
  if (auth.status === 'signed-in') throw redirect(redirectTo);
  const expired = url.searchParams.get('sesi') === 'berakhir';
  const message = MESSAGES[url.searchParams.get('pesan') ?? ''] ?? null;
  return { redirectTo, expired, message };
}

/** "Masuk": phone + password; a new session id every time (the old one is revoked by membership). */
export async function signInAction({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(SignInSchema, form);
  const phone = typeof form.get('phone') === 'string' ? String(form.get('phone')) : '';
  const redirectTo = safeRedirect(form.get('redirectTo'), '/akun');
  // The password is never sent back to the page.
  const fail = (status: 400 | 401 | 429, errors: FieldErrors) =>
    data({ errors, values: { phone }, redirectTo }, { status });
  if (!parsed.ok) return fail(400, parsed.errors);
  try {
    const { setCookie } = await signInPerson(
      request,
      parsed.data.phone,
      parsed.data.password,
      context.peer?.clientAddress,
    );
    return redirect(redirectTo, { headers: { 'Set-Cookie': setCookie } });
  } catch (error) {
    if (isApiError(error, 'AUTH.THROTTLED') || (isApiError(error) && error.status === 429)) {
      const details = (error.details ?? {}) as { retryAfterSeconds?: unknown };
      const seconds = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 60;
      return fail(429, { form: { key: 'signIn.throttled', vars: { seconds } } });
    }
    if (isApiError(error) && error.status === 401) return fail(401, { form: 'signIn.invalid' });
    if (isApiError(error) && error.status === 400) return fail(400, { phone: 'errors.phone' });
    throw error;
  }
}
