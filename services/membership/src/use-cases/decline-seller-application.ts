import { applicationBusy, applicationDecided, applicationNotFound } from '../domain/errors';
import {
  declineApplication,
  type SellerApplicationView,
  toApplicationView,
} from '../domain/seller-application';
import { type Actor, auditEvent } from './audit';
import { now, type SellersDeps } from './ports';

/**
 * A pengurus declines a pending application with the reason the applicant reads. The decision and
 * its audit entry are one versioned write. An application whose approval is under way (its seller
 * exists) counts as approved: 409.
 */
export async function declineSellerApplication(
  deps: SellersDeps,
  actor: Actor,
  cooperativeId: string,
  applicationId: string,
  reason: string,
): Promise<SellerApplicationView> {
  const application = await deps.applications.findById(applicationId);
  if (!application || application.cooperativeId !== cooperativeId) throw applicationNotFound();
  const seller = await deps.sellers.findById(application.memberId);
  if (seller?.applicationId === applicationId)
    throw applicationDecided({ applicationId, status: 'approved' });
  const at = now(deps);
  const next = declineApplication(application, actor.personId, at, reason);
  const event = auditEvent({
    cooperativeId,
    actor,
    action: 'membership.seller-application.declined',
    target: { type: 'seller-application', id: applicationId },
    before: { status: application.status },
    after: { status: next.status, reason },
    at,
  });
  if (!(await deps.applications.update(next, application.version, [event]))) throw applicationBusy();
  deps.onEventsWritten('seller-application', applicationId);
  deps.logger.info({ applicationId, cooperativeId, by: actor.personId }, 'seller application declined');
  return toApplicationView(next);
}
