import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { MONTHS, monthFigures, sumFigures, yearChoices } from '~/utils/books';
import { currentPeriod, incomeStatementReport, periodOf } from '~/utils/books.server';
import { requireStaff, staffCall } from '~/utils/staff.server';

/**
 * The books' overview of a year: income, expenses, SHU and own sales per month (one income statement
 * per month that has begun; the ledger sums a settled closed month from its stored totals).
 */
export async function loadOverview({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'buku');
  const url = new URL(request.url);
  const { period, errors } = periodOf(url, 'year');
  const year = period.year;
  const now = currentPeriod();
  const months = MONTHS.map((m) => `${year}-${m}`).filter((p) => p <= now);
  const token = ctx.auth.tokens.ledger;
  const figures = errors
    ? []
    : await Promise.all(
        months.map((p) =>
          staffCall(request, ctx, () =>
            incomeStatementReport(token, ctx.cooperativeId, { year, month: p.slice(5) }),
          ).then((r) => monthFigures(p, r)),
        ),
      );
  return data(
    {
      year,
      years: yearChoices(Number(now.slice(0, 4)), year),
      errors,
      figures,
      totals: sumFigures(figures),
    },
    { status: errors ? 400 : 200, headers: { 'Cache-Control': 'private, no-store' } },
  );
}
