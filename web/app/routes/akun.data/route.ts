import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireAuth, signedOutByService } from '~/utils/auth.server';
import { isApiError } from '~/utils/http.server';
import { exportMyData } from '~/utils/membership.server';

/** "Unduh data saya": membership's GET /me/export as a JSON file download, never cached. */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  let exported: unknown;
  try {
    exported = await exportMyData(auth.tokens.membership);
  } catch (error) {
    if (isApiError(error) && error.status === 401) throw await signedOutByService(request, auth);
    throw error;
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="data-pribadi-pasar-${day}.json"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
