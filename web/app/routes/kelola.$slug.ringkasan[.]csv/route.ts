import type { LoaderFunctionArgs } from '@remix-run/node';
import { statsCsv } from '~/utils/chart';
import { jakartaToday } from '~/utils/datetime';
import { translate } from '~/utils/i18n';
import { notFound } from '~/utils/http.server';
import { getLang, getSession } from '~/utils/session.server';
import { holdsAny, STATS_READERS } from '~/utils/staff';
import { requireStaff, staffCall } from '~/utils/staff.server';
import { getStats } from '~/utils/stats.server';

/** "Unduh CSV": the last 30 days of orders and revenue (pengurus, pengawas, kasir) as text/csv. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug);
  if (!holdsAny(ctx.grant, STATS_READERS)) throw notFound('page');
  const stats = await staffCall(request, ctx, () => getStats(ctx.auth.tokens.orders, ctx.cooperativeId, 30));
  const lang = getLang(await getSession(request));
  const csv = statsCsv(stats.days, [
    translate(lang, 'dash.date'),
    translate(lang, 'dash.orders'),
    translate(lang, 'dash.revenue'),
  ]);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ringkasan-${ctx.cooperativeId}-${jakartaToday()}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
