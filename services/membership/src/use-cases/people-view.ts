import type { BoardPosition, CooperativeRole } from '@pasar/contracts';
import { grantIn, maskPhone, type Person } from '../domain/person';

/** A person as staff of one cooperative see them: masked phone, their roles here only. */
export interface StaffPersonView {
  personId: string;
  name: string;
  phoneMasked: string;
  roles: CooperativeRole[];
  position?: BoardPosition;
}

export function toStaffPersonView(p: Person, cooperativeId: string): StaffPersonView {
  const g = grantIn(p, cooperativeId);
  return {
    personId: p.personId,
    name: p.name,
    phoneMasked: maskPhone(p.phone),
    roles: g?.roles ?? [],
    ...(g?.position ? { position: g.position } : {}),
  };
}

/** The audit diff of a grant: roles and position only. */
export const grantFacts = (p: Person | null, cooperativeId: string) => {
  const g = p ? grantIn(p, cooperativeId) : undefined;
  return { roles: g?.roles ?? [], ...(g?.position ? { position: g.position } : {}) };
};
