import type { CooperativeGrant, CooperativeRole } from '@pasar/contracts';

/**
 * The staff area (/kelola/:slug): which sections each role sees. Shared by the loaders (which answer 404
 * for a section the person may not open) and the navigation (which shows only these). Types only from
 * contracts, so no schema code reaches the browser.
 */
export const STAFF_SECTIONS = [
  'pesanan',
  'produk',
  'moderasi',
  'pembayaran',
  'konsinyasi',
  'buku',
  'jurnal',
  'periode',
  'penjual',
  'anggota',
  'audit',
  'simpanan',
  'shu',
] as const;
export type StaffSection = (typeof STAFF_SECTIONS)[number];

export const SECTION_ROLES: Record<StaffSection, readonly CooperativeRole[]> = {
  pesanan: ['kasir', 'gudang', 'pengurus', 'pengawas'],
  produk: ['gudang', 'pengurus', 'pengawas'],
  pembayaran: ['pengurus', 'kasir', 'pengawas'],
  anggota: ['pengurus'],
  audit: ['pengurus', 'pengawas'],
  // Issue 10: membership's seller registry, catalog's moderation queue, payments' consignment.
  penjual: ['pengurus', 'pengawas'],
  moderasi: ['pengurus', 'pengawas'],
  konsinyasi: ['pengurus', 'pengawas'],
  // Issue 11: the ledger's books (reports, manual entries, periods); what each may do: utils/books.ts.
  buku: ['pengurus', 'pengawas'],
  jurnal: ['pengurus', 'pengawas'],
  periode: ['pengurus', 'pengawas'],
  // Issue 11: members' savings (membership's rule: pengurus, kasir, pengawas read; the bendahara or a kasir records).
  simpanan: ['pengurus', 'kasir', 'pengawas'],
  // Issue 11: the ledger's SHU for the RAT (the draft, approval and distribution are the board's).
  shu: ['pengurus', 'pengawas'],
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

/**
 * The services' rules for issue 10, mirrored so pages offer only what the person may do: a pengurus
 * decides applications, suspensions and reviews (the pengawas reads); only the bendahara (a pengurus in
 * that position) records payouts and sets the commission (payments' route table).
 */
export const SELLER_DECIDERS: readonly CooperativeRole[] = ['pengurus'];
export const MODERATORS: readonly CooperativeRole[] = ['pengurus'];

export function isBendaharaGrant(grant: Pick<CooperativeGrant, 'roles' | 'position'> | undefined): boolean {
  return grant?.roles.includes('pengurus') === true && grant.position === 'bendahara';
}

/** Only the ketua (a pengurus in the ketua position) invites people and changes roles. */
export function isKetuaGrant(grant: Pick<CooperativeGrant, 'roles' | 'position'> | undefined): boolean {
  return grant?.roles.includes('pengurus') === true && grant.position === 'ketua';
}

/**
 * The orders service's fulfilment rules, mirrored so each page offers only the steps the person may
 * take; the service still decides (a 403 becomes "not allowed"). The pengawas only reads.
 */
/** Packing is the warehouse's or the board's (orders' x-pasar-access on /pack: gudang, pengurus). */
export const PACKERS: readonly CooperativeRole[] = ['gudang', 'pengurus'];
/** Ready for pickup, out for delivery: also the kasir, who is at the counter when the buyer comes. */
export const DISPATCHERS: readonly CooperativeRole[] = ['gudang', 'pengurus', 'kasir'];
/** Handing over a pickup order (checking the code, taking the cash) is the kasir's or the board's. */
export const PICKUP_COMPLETERS: readonly CooperativeRole[] = ['kasir', 'pengurus'];
/** A delivery is completed by whoever brought it too: the gudang. */
export const DELIVERY_COMPLETERS: readonly CooperativeRole[] = ['kasir', 'pengurus', 'gudang'];
export const CANCELLERS: readonly CooperativeRole[] = ['kasir', 'pengurus'];
/** The dashboard's numbers (orders' stats endpoint). */
export const STATS_READERS: readonly CooperativeRole[] = ['pengurus', 'pengawas', 'kasir'];
/** Low stock comes from catalog's back-office product list. */
export const STOCK_READERS: readonly CooperativeRole[] = ['pengurus', 'gudang', 'pengawas'];
/** "Low stock": this many available or fewer. */
export const LOW_STOCK_THRESHOLD = 5;
