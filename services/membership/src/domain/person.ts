import type { BoardPosition, CooperativeGrant, CooperativeRole, PlatformRole } from '@pasar/contracts';

/** A one-time reset code issued by a pengurus: only its SHA-256 is kept. */
export interface ResetCode {
  digest: string;
  expiresAt: Date;
  issuedBy: string;
}

/** An account: a person who can sign in and hold roles in several cooperatives. */
export interface Person {
  personId: string;
  name: string;
  /** Normalised +628…, unique: the sign-in name. */
  phone: string;
  email: string | null;
  /** argon2id PHC string; null until the person sets one with a reset code. */
  passwordHash: string | null;
  grants: CooperativeGrant[];
  platform: PlatformRole[];
  /** Consecutive failed sign-ins since the last success; lockedUntil set every THROTTLE_MAX_FAILURES. */
  failedSignIns: number;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  resetCode: ResetCode | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** What the person (and the web) sees of an account: never the hash, the counters or a code. */
export interface PersonView {
  personId: string;
  name: string;
  phone: string;
  email?: string;
  grants: CooperativeGrant[];
  platform: PlatformRole[];
}

export function toPersonView(p: Person): PersonView {
  return {
    personId: p.personId,
    name: p.name,
    phone: p.phone,
    ...(p.email ? { email: p.email } : {}),
    grants: p.grants,
    platform: p.platform,
  };
}

/** +6281234567890 → +62812****7890: enough for staff to recognise, not to call. */
export function maskPhone(phone: string): string {
  if (phone.length < 9) return '****';
  return `${phone.slice(0, 6)}${'*'.repeat(Math.max(4, phone.length - 10))}${phone.slice(-4)}`;
}

export function grantIn(p: Pick<Person, 'grants'>, cooperativeId: string): CooperativeGrant | undefined {
  return p.grants.find((g) => g.cooperativeId === cooperativeId);
}

export function isKetuaOf(p: Pick<Person, 'grants'>, cooperativeId: string): boolean {
  const g = grantIn(p, cooperativeId);
  return !!g && g.roles.includes('pengurus') && g.position === 'ketua';
}

/** A grant with unique roles in the contract's order; the position only when pengurus is held. */
export function normaliseGrant(
  cooperativeId: string,
  roles: readonly CooperativeRole[],
  position?: BoardPosition,
): CooperativeGrant {
  const order: CooperativeRole[] = ['anggota', 'penjual', 'pengurus', 'kasir', 'gudang', 'pengawas'];
  const set = new Set(roles);
  const sorted = order.filter((r) => set.has(r));
  return {
    cooperativeId,
    roles: sorted,
    ...(position && set.has('pengurus') ? { position } : {}),
  };
}

/** Replaces (or, with no roles, removes) the person's grant in one cooperative. */
export function withGrant(grants: CooperativeGrant[], next: CooperativeGrant): CooperativeGrant[] {
  const others = grants.filter((g) => g.cooperativeId !== next.cooperativeId);
  return next.roles.length === 0 ? others : [...others, next];
}

/** Adds roles to the existing grant (an invite of someone who already holds some). */
export function mergeGrant(
  grants: CooperativeGrant[],
  cooperativeId: string,
  roles: readonly CooperativeRole[],
  position?: BoardPosition,
): CooperativeGrant[] {
  const current = grants.find((g) => g.cooperativeId === cooperativeId);
  const merged = normaliseGrant(
    cooperativeId,
    [...(current?.roles ?? []), ...roles],
    position ?? current?.position,
  );
  return withGrant(grants, merged);
}
