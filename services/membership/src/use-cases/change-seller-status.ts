import { type Envelope, newEvent, SellerReinstated, SellerSuspended } from '@pasar/contracts';
import { sellerBusy, sellerNotFound } from '../domain/errors';
import {
  reinstateSeller,
  type Seller,
  type SellerView,
  sellerSnapshot,
  suspendSeller,
  toSellerView,
} from '../domain/seller';
import { type Actor, auditEvent } from './audit';
import { EVENT_SOURCE, now, type SellersDeps } from './ports';

const ATTEMPTS = 3;

/** Loads the seller of this cooperative (another cooperative's answers 404), applies the change, writes it with its events. */
async function changeSeller(
  deps: SellersDeps,
  actor: Actor,
  cooperativeId: string,
  sellerId: string,
  what: string,
  change: (s: Seller, at: Date) => { next: Seller; events: Envelope[] },
): Promise<SellerView> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const seller = await deps.sellers.findById(sellerId);
    if (!seller || seller.cooperativeId !== cooperativeId) throw sellerNotFound();
    const { next, events } = change(seller, now(deps));
    if (await deps.sellers.update(next, seller.version, events)) {
      deps.onEventsWritten('seller', sellerId);
      deps.logger.info({ sellerId, cooperativeId, by: actor.personId }, what);
      return toSellerView(next);
    }
  }
  throw sellerBusy();
}

const source = (cooperativeId: string) => ({ source: EVENT_SOURCE, cooperativeId });

/**
 * A pengurus suspends a seller: SellerSuspended (catalog takes their listings off the storefront)
 * and the audit entry, in the seller's one versioned write. The penjual role stays (the seller still
 * reads their statement).
 */
export function suspendSellerOf(
  deps: SellersDeps,
  actor: Actor,
  cooperativeId: string,
  sellerId: string,
  reason: string,
): Promise<SellerView> {
  return changeSeller(deps, actor, cooperativeId, sellerId, 'seller suspended', (seller, at) => {
    const next = suspendSeller(seller, actor.personId, at, reason);
    return {
      next,
      events: [
        newEvent(SellerSuspended, sellerId, { ...sellerSnapshot(next), reason }, source(cooperativeId)),
        auditEvent({
          cooperativeId,
          actor,
          action: 'membership.seller.suspended',
          target: { type: 'seller', id: sellerId },
          before: { status: seller.status },
          after: { status: next.status, reason },
          at,
        }),
      ],
    };
  });
}

/** A pengurus lifts a suspension: SellerReinstated (the listings come back) and the audit entry. */
export function reinstateSellerOf(
  deps: SellersDeps,
  actor: Actor,
  cooperativeId: string,
  sellerId: string,
): Promise<SellerView> {
  return changeSeller(deps, actor, cooperativeId, sellerId, 'seller reinstated', (seller, at) => {
    const next = reinstateSeller(seller);
    return {
      next,
      events: [
        newEvent(SellerReinstated, sellerId, sellerSnapshot(next), source(cooperativeId)),
        auditEvent({
          cooperativeId,
          actor,
          action: 'membership.seller.reinstated',
          target: { type: 'seller', id: sellerId },
          before: { status: seller.status, reason: seller.suspension?.reason ?? null },
          after: { status: next.status },
          at,
        }),
      ],
    };
  });
}
