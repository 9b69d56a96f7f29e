import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { type FieldErrors, parseForm } from '~/schemas/form';
import { SalesQuerySchema } from '~/schemas/seller.schema';
import { sellerSales } from '~/utils/consignment.server';
import { jakartaToday } from '~/utils/datetime';
import { memberCall, requireSellerId } from '~/utils/seller.server';

/** "Penjualan": what sold, per product and per day, with the nota numbers (no shopper data). */
export async function loadSales({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireSellerId(request, params.slug);
  const url = new URL(request.url);
  const today = jakartaToday();
  const values = {
    from: (url.searchParams.get('from') || `${today.slice(0, 8)}01`).slice(0, 10),
    to: (url.searchParams.get('to') || today).slice(0, 10),
  };
  const parsed = parseForm(SalesQuerySchema, new URLSearchParams(values));
  if (!parsed.ok)
    return data(
      { values, errors: parsed.errors, report: null },
      { status: 400, headers: { 'Cache-Control': 'private, no-store' } },
    );
  const report = await memberCall(request, ctx.auth, () =>
    sellerSales(ctx.auth.tokens.payments, ctx.cooperativeId, ctx.sellerId, parsed.data),
  );
  return data(
    { values, errors: {} as FieldErrors, report },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
