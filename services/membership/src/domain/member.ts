import { MemberRegistered } from '@pasar/contracts';
import type { z } from 'zod';
import { maskNik, type ProtectedNik } from './nik';

/** anggota, penjual, pengurus, kasir, gudang, pengawas: the contract's list, one source. */
export const MemberRolesSchema = MemberRegistered.data.shape.roles;
export type MemberRole = z.infer<typeof MemberRolesSchema>[number];

export interface Member {
  memberId: string;
  cooperativeId: string;
  displayName: string;
  roles: MemberRole[];
  /** Normalised +628… or null; only for staff to reach the member. */
  phone: string | null;
  nik: ProtectedNik | null;
  /** The person (account in `people`) this registry record belongs to, once linked. */
  personId?: string | null;
  /** Set when the person asked for erasure: the record stays, pointing at the pseudonym. */
  erasure?: MemberErasure | null;
  /** When the member joined (the registry record is kept after erasure). */
  createdAt: Date;
}

export interface MemberErasure {
  pseudonym: string;
  erasedAt: Date;
}

/** The name an erased member's record carries from then on. */
export const erasedDisplayName = (pseudonym: string) => `Anggota terhapus ${pseudonym}`;

/** What staff see: the NIK only as its last four digits. */
export interface MemberView {
  memberId: string;
  cooperativeId: string;
  displayName: string;
  roles: MemberRole[];
  phone: string | null;
  nikLast4: string | null;
  /** The NIK as shown everywhere but the pengurus' audited view: "************1234". */
  nikMasked: string | null;
  createdAt: string;
}

export function toMemberView(m: Member): MemberView {
  return {
    memberId: m.memberId,
    cooperativeId: m.cooperativeId,
    displayName: m.displayName,
    roles: m.roles,
    phone: m.phone,
    nikLast4: m.nik?.last4 ?? null,
    nikMasked: maskNik(m.nik),
    createdAt: m.createdAt.toISOString(),
  };
}

/** The event: who joined and in which roles; never NIK, phone or address. */
export function memberRegisteredData(m: Member): z.input<typeof MemberRegistered.data> {
  return {
    memberId: m.memberId,
    cooperativeId: m.cooperativeId,
    displayName: m.displayName,
    roles: m.roles,
    ...(m.personId ? { personId: m.personId } : {}),
    joinedAt: m.createdAt.toISOString(),
  };
}

/** Roles without duplicates, in the order given. */
export function normaliseRoles(roles: MemberRole[]): MemberRole[] {
  return [...new Set(roles)];
}
