import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { sellerBalance, statement } from '~/utils/consignment.server';
import { memberCall, requireSellerId } from '~/utils/seller.server';
import { monthOf } from '~/utils/statement-file.server';

/** "Saldo": what the cooperative owes the seller, and a month's statement (CSV, PDF). */
export async function loadBalance({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireSellerId(request, params.slug);
  const { month, error } = monthOf(new URL(request.url));
  const token = ctx.auth.tokens.payments;
  const [balance, lines] = await Promise.all([
    memberCall(request, ctx.auth, () => sellerBalance(token, ctx.cooperativeId, ctx.sellerId)),
    error
      ? Promise.resolve(null)
      : memberCall(request, ctx.auth, () => statement(token, ctx.cooperativeId, ctx.sellerId, month)),
  ]);
  return data(
    { balance, statement: lines, month, monthError: error ?? null },
    { status: error ? 400 : 200, headers: { 'Cache-Control': 'private, no-store' } },
  );
}
