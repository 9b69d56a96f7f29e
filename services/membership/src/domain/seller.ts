import type { CooperativeRole, PlatformRole, SellerHandoff, SellerSnapshot } from '@pasar/contracts';
import { sellerAlreadySuspended, sellerNotSuspended } from './errors';

export const SELLER_STATUSES = ['active', 'suspended'] as const;
export type SellerStatus = (typeof SELLER_STATUSES)[number];

export interface Suspension {
  reason: string;
  by: string;
  at: Date;
}

/**
 * An approved seller (collection `sellers`, `_id` = the member id products carry as sellerId). The
 * approval's follow-up writes — the application marked approved, the penjual role on the account, the
 * role in the member registry — happen after the seller document (and its SellerApproved) is stored;
 * `followUp: 'pending'` says they may not all have happened yet, and the repair finishes them.
 */
export interface Seller {
  sellerId: string;
  cooperativeId: string;
  personId: string;
  shopName: string;
  description: string;
  handoff: SellerHandoff;
  status: SellerStatus;
  /** The application it came from; null for sellers the demo seed (operator) registered. */
  applicationId: string | null;
  /** Who approved, with their roles then (the role grant is audited as theirs). */
  approvedBy: { personId: string; roles: (CooperativeRole | PlatformRole)[] };
  since: Date;
  suspension: Suspension | null;
  followUp: 'pending' | 'done';
  version: number;
}

/** active → suspended (with who, when and why); a suspended seller is refused (409). */
export function suspendSeller(s: Seller, by: string, at: Date, reason: string): Seller {
  if (s.status !== 'active') throw sellerAlreadySuspended(s.sellerId);
  return { ...s, status: 'suspended', suspension: { reason, by, at }, version: s.version + 1 };
}

/** suspended → active; an active seller is refused (409). */
export function reinstateSeller(s: Seller): Seller {
  if (s.status !== 'suspended') throw sellerNotSuspended(s.sellerId);
  return { ...s, status: 'active', suspension: null, version: s.version + 1 };
}

/** The public shop facts other services keep (no phone, NIK or address). */
export function sellerSnapshot(s: Seller): SellerSnapshot {
  return {
    sellerId: s.sellerId,
    personId: s.personId,
    cooperativeId: s.cooperativeId,
    shopName: s.shopName,
    description: s.description,
    handoff: s.handoff,
  };
}

/** What the board sees in the registry. */
export interface SellerView {
  sellerId: string;
  cooperativeId: string;
  shopName: string;
  description: string;
  handoff: SellerHandoff;
  status: SellerStatus;
  since: string;
  suspendedAt: string | null;
  suspensionReason: string | null;
}

export function toSellerView(s: Seller): SellerView {
  return {
    sellerId: s.sellerId,
    cooperativeId: s.cooperativeId,
    shopName: s.shopName,
    description: s.description,
    handoff: s.handoff,
    status: s.status,
    since: s.since.toISOString(),
    suspendedAt: s.suspension?.at.toISOString() ?? null,
    suspensionReason: s.suspension?.reason ?? null,
  };
}
