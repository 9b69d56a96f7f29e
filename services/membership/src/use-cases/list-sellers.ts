import { type SellerView, toSellerView } from '../domain/seller';
import type { SellersDeps } from './ports';

/** The cooperative's seller registry: status, shop and since, oldest first. */
export async function listSellers(deps: SellersDeps, cooperativeId: string): Promise<SellerView[]> {
  return (await deps.sellers.listByCooperative(cooperativeId)).map(toSellerView);
}
