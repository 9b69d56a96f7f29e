import { data, type LoaderFunctionArgs } from '@remix-run/node';
import type { FieldErrors } from '~/schemas/form';
import { type Account, type BookPeriod, type BookReport, DEFAULT_SPAN, yearChoices } from './books';
import { currentPeriod, listAccounts, periodOf } from './books.server';
import { requireStaff, type StaffContext, staffCall } from './staff.server';

/**
 * A report page's loader: the reader (pengurus, pengawas), the period of `?tahun=&bulan=` (a bad one
 * is the picker's 400 and no report is asked for), the chart of accounts for names in both languages,
 * and the report itself from the ledger with the person's token. `check` refuses other query fields
 * of the page (the ledger's account) the same way.
 */
export async function loadReport<T>(
  { request, params }: LoaderFunctionArgs,
  report: BookReport,
  fetchReport: (token: string, ctx: StaffContext, period: BookPeriod) => Promise<T>,
  check: (accounts: readonly Account[]) => FieldErrors | null = () => null,
) {
  const ctx = await requireStaff(request, params.slug, 'buku');
  const { period, errors: periodErrors } = periodOf(new URL(request.url), DEFAULT_SPAN[report]);
  const token = ctx.auth.tokens.ledger;
  const accounts = await staffCall(request, ctx, () => listAccounts(token));
  const checked = check(accounts);
  const errors = periodErrors || checked ? { ...periodErrors, ...checked } : null;
  const result = errors ? null : await staffCall(request, ctx, () => fetchReport(token, ctx, period));
  return data(
    {
      period,
      years: yearChoices(Number(currentPeriod().slice(0, 4)), period.year),
      errors,
      accounts,
      report: result,
    },
    { status: errors ? 400 : 200, headers: { 'Cache-Control': 'private, no-store' } },
  );
}
