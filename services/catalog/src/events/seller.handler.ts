import type { EventOf, SellerApproved, SellerReinstated, SellerSuspended } from '@pasar/contracts';
import type { SellerStatus } from '../domain/seller';
import type { CatalogDeps } from '../use-cases/deps';
import { recordSeller } from '../use-cases/record-seller';

type SellerEvent =
  | EventOf<typeof SellerApproved>
  | EventOf<typeof SellerSuspended>
  | EventOf<typeof SellerReinstated>;

/** membership.seller.v1 → the sellers read model and the seller's products (see recordSeller). */
export const onSellerEvent = (deps: CatalogDeps, status: SellerStatus) => async (event: SellerEvent) => {
  const outcome = await recordSeller(deps, event.data, status, new Date(event.time));
  if (outcome === 'stale')
    deps.logger.info({ sellerId: event.data.sellerId, eventId: event.id }, 'older seller event: no-op');
};
