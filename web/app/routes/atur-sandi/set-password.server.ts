import { type ActionFunctionArgs, data, redirect } from '@remix-run/node';
import { SetPasswordSchema } from '~/schemas/account.schema';
import { type FieldErrors, parseForm } from '~/schemas/form';
import { isApiError } from '~/utils/http.server';
import { resetPassword } from '~/utils/membership.server';

/** A service 400 that names the password (too common, too short by membership's rule) or the code. */
function errorsOf(error: { code: string; message: string; details?: unknown }): FieldErrors {
  const named = `${error.code} ${error.message} ${JSON.stringify(error.details ?? '')}`;
  if (/newPassword|PASSWORD/i.test(named) && !/CODE/i.test(error.code))
    return { newPassword: 'errors.passwordWeak' };
  if (/phone/i.test(named) && !/CODE/i.test(error.code)) return { phone: 'errors.phone' };
  return { code: 'setPassword.invalidCode' };
}

/** "Atur kata sandi" with the one-time code a pengurus handed over; then sign in with it. */
export async function setPasswordAction({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(SetPasswordSchema, form);
  const values = { phone: String(form.get('phone') ?? ''), code: String(form.get('code') ?? '') };
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  try {
    await resetPassword(
      parsed.data.phone,
      parsed.data.code,
      parsed.data.newPassword,
      context.peer?.clientAddress,
    );
  } catch (error) {
    if (isApiError(error, 'AUTH.THROTTLED') || (isApiError(error) && error.status === 429)) {
      const details = (error.details ?? {}) as { retryAfterSeconds?: unknown };
      const seconds = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 60;
      const errors: FieldErrors = { form: { key: 'signIn.throttled', vars: { seconds } } };
      return data({ errors, values }, { status: 429 });
    }
    if (isApiError(error) && error.status < 500)
      return data({ errors: errorsOf(error), values }, { status: 400 });
    throw error;
  }
  return redirect('/masuk?pesan=atur');
}
