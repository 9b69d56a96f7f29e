import type { AccessClaims, CooperativeGrant, CooperativeRole, PlatformRole } from '@pasar/contracts';

/** The signed-in person behind a request, from a verified access token. */
export interface Principal {
  personId: string;
  sessionId: string;
  name?: string;
  grants: CooperativeGrant[];
  platform: PlatformRole[];
}

export function principalFromClaims(claims: AccessClaims): Principal {
  return {
    personId: claims.sub,
    sessionId: claims.sid,
    name: claims.name,
    grants: claims.grants,
    platform: claims.platform,
  };
}

/** The roles a principal holds in one cooperative (empty when none). */
export function rolesIn(p: Principal | undefined, cooperativeId: string): CooperativeRole[] {
  return p?.grants.find((g) => g.cooperativeId === cooperativeId)?.roles ?? [];
}

export function hasRoleIn(
  p: Principal | undefined,
  cooperativeId: string,
  roles: readonly CooperativeRole[],
): boolean {
  const held = rolesIn(p, cooperativeId);
  return held.some((r) => roles.includes(r));
}

/** True when the principal is the ketua (a pengurus in the ketua position) of the cooperative. */
export function isKetua(p: Principal | undefined, cooperativeId: string): boolean {
  const g = p?.grants.find((x) => x.cooperativeId === cooperativeId);
  return !!g && g.roles.includes('pengurus') && g.position === 'ketua';
}

/** True when the principal is the bendahara (treasurer): the only board member who records money. */
export function isBendahara(p: Principal | undefined, cooperativeId: string): boolean {
  const g = p?.grants.find((x) => x.cooperativeId === cooperativeId);
  return !!g && g.roles.includes('pengurus') && g.position === 'bendahara';
}
