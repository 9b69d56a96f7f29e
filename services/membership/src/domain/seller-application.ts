import type { SellerHandoff } from '@pasar/contracts';
import { applicationDecided } from './errors';

export const APPLICATION_STATUSES = ['pending', 'approved', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Who decided, when, and (for a decline) why. */
export interface Decision {
  by: string;
  at: Date;
  reason?: string;
}

/** A member's application to sell through the market (collection `seller_applications`). */
export interface SellerApplication {
  applicationId: string;
  cooperativeId: string;
  /** The applicant's member record: it becomes the sellerId. */
  memberId: string;
  /** The account they applied from (the one that will carry the penjual role). */
  personId: string;
  shopName: string;
  description: string;
  handoff: SellerHandoff;
  status: ApplicationStatus;
  submittedAt: Date;
  decision: Decision | null;
  version: number;
}

function decide(a: SellerApplication, status: ApplicationStatus, decision: Decision): SellerApplication {
  if (a.status !== 'pending') throw applicationDecided(a);
  return { ...a, status, decision, version: a.version + 1 };
}

/** pending → approved; anything else is refused (409). */
export const approveApplication = (a: SellerApplication, by: string, at: Date) =>
  decide(a, 'approved', { by, at });

/** pending → declined with the reason the applicant reads; anything else is refused (409). */
export const declineApplication = (a: SellerApplication, by: string, at: Date, reason: string) =>
  decide(a, 'declined', { by, at, reason });

/** What the applicant and the board see. */
export interface SellerApplicationView {
  applicationId: string;
  cooperativeId: string;
  memberId: string;
  shopName: string;
  description: string;
  handoff: SellerHandoff;
  status: ApplicationStatus;
  submittedAt: string;
  decidedAt: string | null;
  declineReason: string | null;
}

export function toApplicationView(a: SellerApplication): SellerApplicationView {
  return {
    applicationId: a.applicationId,
    cooperativeId: a.cooperativeId,
    memberId: a.memberId,
    shopName: a.shopName,
    description: a.description,
    handoff: a.handoff,
    status: a.status,
    submittedAt: a.submittedAt.toISOString(),
    decidedAt: a.decision?.at.toISOString() ?? null,
    declineReason: a.decision?.reason ?? null,
  };
}
