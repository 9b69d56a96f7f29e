import { alreadySeller, applicationNotFound } from '../domain/errors';
import {
  approveApplication,
  type SellerApplicationView,
  toApplicationView,
} from '../domain/seller-application';
import type { Actor } from './audit';
import { completeApproval } from './complete-approval';
import { now, type SellersDeps } from './ports';
import { registerSeller } from './register-seller';

/**
 * A pengurus approves a pending application: the seller is stored with SellerApproved in its outbox
 * (the one write that matters), then completeApproval() marks the application approved and grants
 * the penjual role. Approving again after a crash left the application pending finishes the same
 * approval (no second seller, no second event); a decided application is a 409.
 */
export async function approveSellerApplication(
  deps: SellersDeps,
  actor: Actor,
  cooperativeId: string,
  applicationId: string,
): Promise<SellerApplicationView> {
  const application = await deps.applications.findById(applicationId);
  if (!application || application.cooperativeId !== cooperativeId) throw applicationNotFound();
  const at = now(deps);
  approveApplication(application, actor.personId, at); // the transition rule: only a pending one (else 409)
  const existing = await deps.sellers.findById(application.memberId);
  if (existing && existing.applicationId !== applicationId) throw alreadySeller(existing.sellerId);
  const seller =
    existing ??
    (await registerSeller(
      deps,
      actor,
      {
        sellerId: application.memberId,
        personId: application.personId,
        cooperativeId,
        shopName: application.shopName,
        description: application.description,
        handoff: application.handoff,
        applicationId,
      },
      at,
    ));
  await completeApproval(deps, seller);
  const decided = await deps.applications.findById(applicationId);
  return toApplicationView(decided ?? application);
}
