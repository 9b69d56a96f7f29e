import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { requireAuth, signedOutByService } from '~/utils/auth.server';
import { isApiError } from '~/utils/http.server';
import { listCooperatives } from '~/utils/membership.server';
import { getMine, listYears, type MyShu } from '../kelola.$slug.shu/ledger-shu.server';

/** At most this many years per cooperative on the page (newest first). */
const YEARS_SHOWN = 5;

/**
 * "SHU saya": for each cooperative the person is an anggota of, the years the RAT approved and their
 * own line of each (GET …/shu/{year}/mine with their ledger token); never another member's.
 */
export async function loadMyShu({ request }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  const token = auth.tokens.ledger;
  const memberships = auth.person.grants.filter((g) => g.roles.includes('anggota'));
  const names = await listCooperatives()
    .then((list) => Object.fromEntries(list.map((c) => [c.cooperativeId, c.name])))
    .catch(() => ({}) as Record<string, string>);
  try {
    const cooperatives = await Promise.all(
      memberships.map(async (g) => {
        const years = (
          await listYears(token, g.cooperativeId).catch((error) => {
            // The ledger does not know this cooperative's member (or the grant changed): nothing to show.
            if (isApiError(error) && (error.status === 403 || error.status === 404)) return [];
            throw error;
          })
        ).slice(0, YEARS_SHOWN);
        const runs: MyShu[] = [];
        let recorded = true;
        for (const y of years) {
          try {
            runs.push(await getMine(token, g.cooperativeId, y.year));
          } catch (error) {
            // Not (yet) in the ledger's member list: say so instead of showing nothing.
            if (isApiError(error, 'SHU.NOT_A_MEMBER')) {
              recorded = false;
              break;
            }
            if (isApiError(error) && error.status === 404) continue;
            throw error;
          }
        }
        return {
          cooperativeId: g.cooperativeId,
          name: names[g.cooperativeId] ?? g.cooperativeId,
          recorded,
          runs: runs.map((r) => ({
            year: r.year,
            status: r.status,
            ratDate: r.ratDate,
            shu: r.shu,
            jasaModalPool: r.pools.jasaModal,
            jasaUsahaPool: r.pools.jasaUsaha,
            member: r.member,
            distributedTo: r.distribution?.to ?? null,
          })),
        };
      }),
    );
    return data({ cooperatives }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    if (isApiError(error) && error.status === 401) throw await signedOutByService(request, auth);
    throw error;
  }
}
