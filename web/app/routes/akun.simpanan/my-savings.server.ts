import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { requireAuth, signedOutByService } from '~/utils/auth.server';
import { isApiError } from '~/utils/http.server';
import { listCooperatives } from '~/utils/membership.server';
import { mySavings } from '../kelola.$slug.simpanan/savings-api.server';

/**
 * "Simpanan saya": the signed-in member's savings in each cooperative where they are an anggota
 * (GET my-savings with their membership token: the record is found from the token, never named).
 * `?koperasi=&sebelum=` pages one cooperative's history.
 */
export async function loadMySavings({ request }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  const url = new URL(request.url);
  const pagedCoop = url.searchParams.get('koperasi') ?? '';
  const raw = url.searchParams.get('sebelum') ?? '';
  const before = /^\d{1,9}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined;
  const memberships = auth.person.grants.filter((g) => g.roles.includes('anggota'));
  const names = await listCooperatives()
    .then((list) => Object.fromEntries(list.map((c) => [c.cooperativeId, c.marketName])))
    .catch(() => ({}) as Record<string, string>);
  const cooperatives = await Promise.all(
    memberships.map(async (g) => {
      const market = names[g.cooperativeId] ?? g.cooperativeId;
      const paged = g.cooperativeId === pagedCoop ? before : undefined;
      try {
        const savings = await mySavings(auth.tokens.membership, g.cooperativeId, paged);
        return { cooperativeId: g.cooperativeId, market, savings, paged: paged ?? null };
      } catch (error) {
        if (isApiError(error) && error.status === 401) throw await signedOutByService(request, auth);
        // An account no member record of this cooperative is linked to (yet).
        if (isApiError(error) && error.status === 404)
          return { cooperativeId: g.cooperativeId, market, savings: null, paged: null };
        throw error;
      }
    }),
  );
  return data({ cooperatives }, { headers: { 'Cache-Control': 'private, no-store' } });
}
