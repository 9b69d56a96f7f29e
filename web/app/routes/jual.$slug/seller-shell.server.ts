import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { requireCooperative } from '~/utils/cooperative.server';
import { requireMember } from '~/utils/seller.server';

/** The seller area of one cooperative: for its members (others get 404); the menu opens for a penjual. */
export async function loadSellerShell({ request, params }: LoaderFunctionArgs) {
  const { isSeller } = await requireMember(request, params.slug);
  const cooperative = await requireCooperative(params.slug);
  return data(
    { cooperative: { slug: cooperative.slug, marketName: cooperative.marketName }, isSeller },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
