import { applicationBusy, personBusy } from '../domain/errors';
import { grantIn, mergeGrant, type Person } from '../domain/person';
import type { Seller } from '../domain/seller';
import { approveApplication } from '../domain/seller-application';
import { auditEvent } from './audit';
import { grantFacts } from './people-view';
import { now, type SellersDeps } from './ports';

const ATTEMPTS = 3;

/** The account gets the penjual role in the seller's cooperative (idempotent; audited as the approver's). */
async function grantPenjual(deps: SellersDeps, seller: Seller): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const person = await deps.people.findById(seller.personId);
    if (!person) {
      deps.logger.warn({ sellerId: seller.sellerId }, 'the seller has no account: no role to grant');
      return;
    }
    if (grantIn(person, seller.cooperativeId)?.roles.includes('penjual')) return;
    const at = now(deps);
    const next: Person = {
      ...person,
      grants: mergeGrant(person.grants, seller.cooperativeId, ['penjual']),
      updatedAt: at,
      version: person.version + 1,
    };
    const event = auditEvent({
      cooperativeId: seller.cooperativeId,
      actor: seller.approvedBy,
      action: 'membership.role.assigned',
      target: { type: 'person', id: person.personId },
      before: grantFacts(person, seller.cooperativeId),
      after: grantFacts(next, seller.cooperativeId),
      at,
    });
    if (await deps.people.update(next, person.version, [event])) {
      deps.onEventsWritten('person', person.personId);
      return;
    }
  }
  throw personBusy();
}

/** The application it came from is marked approved, unless it already is (or was decided otherwise). */
async function closeApplication(deps: SellersDeps, seller: Seller): Promise<void> {
  if (!seller.applicationId) return;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const a = await deps.applications.findById(seller.applicationId);
    if (a?.status !== 'pending') return;
    const next = approveApplication(a, seller.approvedBy.personId, seller.since);
    if (await deps.applications.update(next, a.version, [])) return;
  }
  throw applicationBusy();
}

/**
 * The writes an approval makes after the seller document (which already holds SellerApproved): the
 * application marked approved, the penjual role on the account (so the next access token carries
 * it), the role in the member registry, then the follow-up marked done. Every step is idempotent,
 * so a crash anywhere is repaired by running it again (repairSellers at start-up and every minute).
 */
export async function completeApproval(deps: SellersDeps, seller: Seller): Promise<void> {
  await closeApplication(deps, seller);
  await grantPenjual(deps, seller);
  await deps.members.addRole(seller.sellerId, 'penjual');
  await deps.sellers.markFollowUpDone(seller.sellerId);
}

/** Finishes every approval a crash left half-done; returns how many it finished. */
export async function repairSellers(deps: SellersDeps): Promise<number> {
  let repaired = 0;
  for (const seller of await deps.sellers.listFollowUpPending()) {
    await completeApproval(deps, seller);
    repaired++;
  }
  if (repaired > 0) deps.logger.info({ repaired }, 'seller approvals finished');
  return repaired;
}
