import { newEvent, SellerApproved, type SellerSnapshot } from '@pasar/contracts';
import { alreadySeller } from '../domain/errors';
import { type Seller, sellerSnapshot } from '../domain/seller';
import { type Actor, auditEvent } from './audit';
import { EVENT_SOURCE, type SellersDeps } from './ports';

/**
 * Stores the seller with SellerApproved and the approval's audit entry in its own outbox: one
 * single-document insert, so the event is never lost whatever happens after it. The follow-up
 * (application, role, registry) is left `pending` for completeApproval(). An existing seller from
 * the same application is returned as it is (a retry after a crash); any other is a 409.
 */
export async function registerSeller(
  deps: SellersDeps,
  actor: Actor,
  facts: SellerSnapshot & { applicationId: string | null },
  at: Date,
): Promise<Seller> {
  const seller: Seller = {
    ...facts,
    status: 'active',
    approvedBy: { personId: actor.personId, roles: actor.roles },
    since: at,
    suspension: null,
    followUp: 'pending',
    version: 1,
  };
  const events = [
    newEvent(SellerApproved, seller.sellerId, sellerSnapshot(seller), {
      source: EVENT_SOURCE,
      cooperativeId: seller.cooperativeId,
    }),
    auditEvent({
      cooperativeId: seller.cooperativeId,
      actor,
      action: 'membership.seller.approved',
      target: { type: 'seller', id: seller.sellerId },
      after: {
        status: 'active',
        shopName: seller.shopName,
        handoff: seller.handoff,
        applicationId: seller.applicationId,
      },
      at,
    }),
  ];
  if (await deps.sellers.insert(seller, events)) {
    deps.onEventsWritten('seller', seller.sellerId);
    deps.logger.info(
      { sellerId: seller.sellerId, cooperativeId: seller.cooperativeId, by: actor.personId },
      'seller approved',
    );
    return seller;
  }
  const existing = await deps.sellers.findById(seller.sellerId);
  if (existing && existing.applicationId === facts.applicationId && facts.applicationId !== null)
    return existing;
  throw alreadySeller(seller.sellerId);
}
