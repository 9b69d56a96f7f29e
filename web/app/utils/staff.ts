import type { CooperativeGrant, CooperativeRole } from '@pasar/contracts';

/**
 * The staff area (/kelola/:slug): which sections each role sees. Shared by the loaders (which answer 404
 * for a section the person may not open) and the navigation (which shows only these). Types only from
 * contracts, so no schema code reaches the browser.
 */
export const STAFF_SECTIONS = ['pesanan', 'produk', 'pembayaran', 'anggota', 'audit'] as const;
export type StaffSection = (typeof STAFF_SECTIONS)[number];

export const SECTION_ROLES: Record<StaffSection, readonly CooperativeRole[]> = {
  pesanan: ['kasir', 'gudang', 'pengurus', 'pengawas'],
  produk: ['gudang', 'pengurus', 'pengawas'],
  pembayaran: ['pengurus', 'kasir', 'pengawas'],
  anggota: ['pengurus'],
  audit: ['pengurus', 'pengawas'],
};

/**
 * The payments service's own rules (services/payments/src/routes/payments.routes.ts), mirrored so the
 * page shows only what the person may do; the service still decides.
 */
export const PAYMENT_READERS: readonly CooperativeRole[] = ['pengurus', 'kasir', 'pengawas'];
/** Who marks a manual refund done (the board, the cashier); the pengawas only reads. */
export const REFUND_DOERS: readonly CooperativeRole[] = ['pengurus', 'kasir'];
/** Who runs the reconciliation check (the board, the supervisor). */
export const RECONCILERS: readonly CooperativeRole[] = ['pengurus', 'pengawas'];

export function holdsAny(
  grant: Pick<CooperativeGrant, 'roles'> | undefined,
  roles: readonly CooperativeRole[],
): boolean {
  return grant?.roles.some((role) => roles.includes(role)) ?? false;
}

export const STAFF_ROLE_NAMES: readonly CooperativeRole[] = ['pengurus', 'kasir', 'gudang', 'pengawas'];

export function hasStaffRole(grant: Pick<CooperativeGrant, 'roles'> | undefined): boolean {
  return grant?.roles.some((role) => STAFF_ROLE_NAMES.includes(role)) ?? false;
}

export function sectionsFor(grant: Pick<CooperativeGrant, 'roles'> | undefined): StaffSection[] {
  if (!grant) return [];
  return STAFF_SECTIONS.filter((section) =>
    SECTION_ROLES[section].some((role) => grant.roles.includes(role)),
  );
}

/** Only the ketua (a pengurus in the ketua position) invites people and changes roles. */
export function isKetuaGrant(grant: Pick<CooperativeGrant, 'roles' | 'position'> | undefined): boolean {
  return grant?.roles.includes('pengurus') === true && grant.position === 'ketua';
}
