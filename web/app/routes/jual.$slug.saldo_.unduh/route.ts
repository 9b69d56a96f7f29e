import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireSellerId } from '~/utils/seller.server';
import { proxyStatementFile, statementFileQuery } from '~/utils/statement-file.server';

/** Resource route: the seller's own statement of a month as CSV or PDF (`?month=&format=`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireSellerId(request, params.slug);
  const query = statementFileQuery(new URL(request.url));
  return proxyStatementFile(ctx.auth.tokens.payments, ctx.cooperativeId, ctx.sellerId, query);
}
