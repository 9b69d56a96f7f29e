import type { SellerHandoff } from '@pasar/contracts';
import { randomId } from '@pasar/service-kit';
import { alreadySeller, applicationOpen, noMemberRecord } from '../domain/errors';
import {
  type SellerApplication,
  type SellerApplicationView,
  toApplicationView,
} from '../domain/seller-application';
import { now, type SellersDeps } from './ports';

export interface ApplyToSellInput {
  shopName: string;
  description: string;
  handoff: SellerHandoff;
}

/**
 * A member applies to sell, from their account: the application is tied to the member record linked
 * to that account (none → 409). One pending application per member, and none once they are a seller
 * (active or suspended): both 409.
 */
export async function applyToSell(
  deps: SellersDeps,
  personId: string,
  cooperativeId: string,
  input: ApplyToSellInput,
): Promise<SellerApplicationView> {
  const member = await deps.members.findByPerson(cooperativeId, personId);
  if (!member || member.erasure) throw noMemberRecord();
  if (await deps.sellers.findById(member.memberId)) throw alreadySeller(member.memberId);
  const application: SellerApplication = {
    applicationId: randomId('sap'),
    cooperativeId,
    memberId: member.memberId,
    personId,
    ...input,
    status: 'pending',
    submittedAt: now(deps),
    decision: null,
    version: 1,
  };
  if ((await deps.applications.insert(application, [])) === 'duplicate-open') {
    const open = await deps.applications.findOpen(cooperativeId, member.memberId);
    throw applicationOpen(open?.applicationId ?? '');
  }
  deps.logger.info(
    { applicationId: application.applicationId, memberId: member.memberId, cooperativeId },
    'seller application submitted',
  );
  return toApplicationView(application);
}
