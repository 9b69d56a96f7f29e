import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { yearChoices } from '~/utils/books';
import { aggregateReport, currentPeriod, periodOf } from '~/utils/books.server';
import { requireAuth, signedOutByService } from '~/utils/auth.server';
import { isApiError, notFound } from '~/utils/http.server';
import { listCooperatives } from '~/utils/membership.server';

/**
 * Dinas (the city office, a platform role from the person's session): per cooperative the year's sales,
 * SHU and members' savings, and their sum; nothing per member or per entry (the ledger gives no more).
 * Anyone else gets the same 404 as a page that does not exist.
 */
export async function loadAggregate({ request }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  if (!auth.person.platform.includes('dinas')) throw notFound('page');
  const { period, errors } = periodOf(new URL(request.url), 'year');
  const now = currentPeriod();
  let report: Awaited<ReturnType<typeof aggregateReport>> | null = null;
  if (!errors) {
    try {
      report = await aggregateReport(auth.tokens.ledger, period.year);
    } catch (error) {
      if (isApiError(error) && error.status === 401) throw await signedOutByService(request, auth);
      if (isApiError(error) && (error.status === 403 || error.status === 404)) throw notFound('page');
      throw error;
    }
  }
  const names = await listCooperatives()
    .then((list) => Object.fromEntries(list.map((c) => [c.cooperativeId, c.name])))
    .catch(() => ({}) as Record<string, string>);
  return data(
    {
      year: period.year,
      years: yearChoices(Number(now.slice(0, 4)), period.year),
      errors,
      cooperatives: (report?.cooperatives ?? []).map((c) => ({
        ...c,
        name: names[c.cooperativeId] ?? c.cooperativeId,
      })),
      totals: report?.totals ?? null,
    },
    { status: errors ? 400 : 200, headers: { 'Cache-Control': 'private, no-store' } },
  );
}
