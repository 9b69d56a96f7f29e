import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { listMyListings } from '~/utils/catalog-sellers.server';
import { memberCall, requireSeller } from '~/utils/seller.server';
import { commitSession, getSession, takeNotice } from '~/utils/session.server';

/** "Barang saya": the penjual's own listings, with their status and where their review stands. */
export async function loadListings({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireSeller(request, params.slug);
  const listings = await memberCall(request, ctx.auth, () =>
    listMyListings(ctx.auth.tokens.catalog, ctx.cooperativeId),
  );
  const session = await getSession(request);
  const notice = takeNotice(session);
  return data(
    {
      listings: listings.map((p) => ({
        id: p.id,
        name: p.name,
        category: p.category,
        price: p.price,
        unit: p.unit,
        status: p.status,
        available: p.stock.available,
        sold: p.stock.sold,
        review: p.review ?? null,
        photos: p.photos ?? [],
      })),
      notice,
    },
    {
      headers: {
        'Cache-Control': 'private, no-store',
        ...(notice ? { 'Set-Cookie': await commitSession(session) } : {}),
      },
    },
  );
}
