import { MemberRegistered } from '@pasar/contracts';
import type { z } from 'zod';
import type { ProtectedNik } from './nik';

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
  createdAt: Date;
}

/** What staff see: the NIK only as its last four digits. */
export interface MemberView {
  memberId: string;
  cooperativeId: string;
  displayName: string;
  roles: MemberRole[];
  phone: string | null;
  nikLast4: string | null;
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
    createdAt: m.createdAt.toISOString(),
  };
}

/** The event: who joined and in which roles; never NIK, phone or address. */
export function memberRegisteredData(m: Member): z.input<typeof MemberRegistered.data> {
  return { memberId: m.memberId, cooperativeId: m.cooperativeId, displayName: m.displayName, roles: m.roles };
}

/** Roles without duplicates, in the order given. */
export function normaliseRoles(roles: MemberRole[]): MemberRole[] {
  return [...new Set(roles)];
}
