import type { LoaderFunctionArgs } from '@remix-run/node';
import { getSellerPage } from '~/utils/catalog-sellers.server';
import { requireSlug } from '~/utils/cooperative.server';
import { isApiError, notFound } from '~/utils/http.server';

/** A seller's page in the market: the shop and their published goods; unknown or suspended → 404. */
export async function loadSellerPage({ params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug);
  const sellerId = params.sellerId ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(sellerId)) throw notFound('seller');
  try {
    const page = await getSellerPage(slug, sellerId);
    return {
      seller: { sellerId: page.sellerId, shopName: page.shopName, description: page.description },
      products: page.products,
    };
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) throw notFound('seller');
    throw error;
  }
}
