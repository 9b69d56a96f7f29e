import type { LoaderFunctionArgs } from '@remix-run/node';
import { notFound } from '~/utils/http.server';
import { requireStaff } from '~/utils/staff.server';
import { proxyStatementFile, statementFileQuery } from '~/utils/statement-file.server';

/** Resource route: a seller's statement of a month as CSV or PDF for the staff (`?seller=&month=&format=`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'konsinyasi');
  const url = new URL(request.url);
  const seller = url.searchParams.get('seller') ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(seller)) throw notFound('page');
  return proxyStatementFile(ctx.auth.tokens.payments, ctx.cooperativeId, seller, statementFileQuery(url));
}
