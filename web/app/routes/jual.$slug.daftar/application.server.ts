import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { type FieldErrors, parseForm } from '~/schemas/form';
import { ApplicationSchema } from '~/schemas/seller.schema';
import { forgetSession } from '~/utils/auth.server';
import { isApiError } from '~/utils/http.server';
import { memberCall, requireMember } from '~/utils/seller.server';
import { applyToSell, myApplications } from '~/utils/sellers.server';
import { commitSession, flashNotice, getSession, takeNotice } from '~/utils/session.server';

/** "Daftar jadi penjual": the member's applications with their status and decline reason, and the form. */
export async function loadApplication({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireMember(request, params.slug);
  const applications = await memberCall(request, ctx.auth, () =>
    myApplications(ctx.auth.tokens.membership, ctx.cooperativeId),
  );
  // Approved, but the cached access tokens were minted before the penjual role: fetch fresh ones
  // once (membership puts penjual in the next token), then the seller pages open.
  const url = new URL(request.url);
  if (!ctx.isSeller && applications.some((a) => a.status === 'approved') && !url.searchParams.has('segar')) {
    forgetSession(ctx.auth.sessionId);
    throw redirect(`${url.pathname}?segar=1`);
  }
  const session = await getSession(request);
  const notice = takeNotice(session);
  const pending = applications.some((a) => a.status === 'pending');
  return data(
    { applications, isSeller: ctx.isSeller, canApply: !ctx.isSeller && !pending, notice },
    {
      headers: {
        'Cache-Control': 'private, no-store',
        ...(notice ? { 'Set-Cookie': await commitSession(session) } : {}),
      },
    },
  );
}

export async function applicationAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireMember(request, params.slug);
  const form = await request.formData();
  const values = {
    shopName: String(form.get('shopName') ?? '').slice(0, 200),
    description: String(form.get('description') ?? '').slice(0, 1000),
    handoff: String(form.get('handoff') ?? '').slice(0, 20),
  };
  const fail = (status: 400 | 409, errors: FieldErrors) => data({ errors, values }, { status });
  if (ctx.isSeller) return fail(409, { form: 'sell.apply.already' });
  const parsed = parseForm(ApplicationSchema, form);
  if (!parsed.ok) return fail(400, parsed.errors);
  try {
    await memberCall(request, ctx.auth, () =>
      applyToSell(ctx.auth.tokens.membership, ctx.cooperativeId, parsed.data),
    );
  } catch (error) {
    if (isApiError(error) && error.status === 409) return fail(409, { form: 'sell.apply.pendingAlready' });
    if (isApiError(error) && error.status === 400) return fail(400, { form: 'errors.generic' });
    throw error;
  }
  const session = await getSession(request);
  flashNotice(session, 'sell.apply.sent');
  return redirect(`/jual/${ctx.cooperativeId}/daftar`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}
