import { redirect } from '@remix-run/node';
import { formAction } from '~/utils/action.server';
import { signOutPerson } from '~/utils/auth.server';

/** "Keluar" (POST only): revokes the session at membership, clears the cookie, says so on the sign-in page. */
export const action = formAction(async ({ request }) => {
  const setCookie = await signOutPerson(request);
  return redirect('/masuk?pesan=keluar', { headers: { 'Set-Cookie': setCookie } });
});

/** A GET must not sign anyone out (a link or a prefetch could): back home. */
export function loader() {
  return redirect('/');
}
