import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { parseForm } from '~/schemas/form';
import { LanguageSchema } from '~/schemas/language.schema';
import { formAction } from '~/utils/action.server';
import { commitSession, getSession } from '~/utils/session.server';

/** The language switch posts here (works without JavaScript); the choice is kept in the session cookie. */
export const action = formAction(async ({ request }: ActionFunctionArgs) => {
  const parsed = parseForm(LanguageSchema, await request.formData());
  if (!parsed.ok) return new Response('Bad language', { status: 400 });
  const session = await getSession(request);
  session.set('lang', parsed.data.lang);
  return redirect(parsed.data.redirectTo, { headers: { 'Set-Cookie': await commitSession(session) } });
});

export function loader() {
  return redirect('/');
}
