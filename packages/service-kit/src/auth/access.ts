import {
  type BoardPosition,
  COOPERATIVE_ROLES,
  type CooperativeRole,
  type PlatformRole,
} from '@pasar/contracts';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError, NotFoundError } from '../errors';
import { hasRoleIn, type Principal, rolesIn } from './principal';
import { InvalidTokenError, type TokenVerifier } from './verify';

/**
 * Who may call an endpoint. `anonymous`: anyone (public); `order-token`: a shopper holding the
 * order's secret link (the use case checks the token against the order); `signed-in`: any person
 * with a valid access token; a cooperative role: that role in the *same* cooperative as the
 * resource; `dinas`: the platform's city office (aggregates only, never personal data).
 */
export type Audience = 'anonymous' | 'order-token' | 'signed-in' | CooperativeRole | PlatformRole;

export interface AccessRule {
  allow: readonly Audience[];
  /**
   * Where the resource's cooperative is known: `path` — the `:cooperativeId` path parameter, checked
   * here; `resource` — only after loading it, so the use case calls `requireCooperativeAccess()`.
   * Omitted for rules without cooperative roles.
   */
  scope?: 'path' | 'resource';
  /** A board position the pengurus must hold (ketua manages roles; bendahara records money). */
  position?: BoardPosition;
}

const ROLE_SET = new Set<string>(COOPERATIVE_ROLES);
export const cooperativeRolesOf = (rule: AccessRule): CooperativeRole[] =>
  rule.allow.filter((a): a is CooperativeRole => ROLE_SET.has(a));

/** The request's principal, if a valid token came with it. */
export function principalOf(c: Context): Principal | undefined {
  return c.get('principal') as Principal | undefined;
}

const unauthenticated = () =>
  new DomainError(
    'AUTH.UNAUTHENTICATED',
    'Sign in first: this needs an access token (Authorization: Bearer …)',
    401,
  );
const forbidden = (rule: AccessRule) =>
  new DomainError(
    'AUTH.FORBIDDEN',
    `This needs one of the roles ${cooperativeRolesOf(rule).join(', ')}${rule.position ? ` (${rule.position})` : ''} in this cooperative`,
    403,
  );
/** Another cooperative's resource answers exactly as a missing one, so ids cannot be probed. */
export const notFoundForCooperative = () => new NotFoundError('RESOURCE.NOT_FOUND', 'Not found');

function grantsRule(p: Principal, cooperativeId: string, rule: AccessRule): boolean {
  if (p.platform.some((r) => rule.allow.includes(r))) return true;
  if (!hasRoleIn(p, cooperativeId, cooperativeRolesOf(rule))) return false;
  if (!rule.position) return true;
  const g = p.grants.find((x) => x.cooperativeId === cooperativeId);
  // A position narrows only the pengurus grant; the other allowed roles pass as they are.
  const viaOtherRole = g?.roles.some((r) => r !== 'pengurus' && rule.allow.includes(r));
  return !!viaOtherRole || g?.position === rule.position;
}

/**
 * Reads `Authorization: Bearer <token>`: a valid token sets the principal; an invalid, expired or
 * tampered one is a 401 on every route (never silently treated as anonymous).
 */
export function authenticate(verify: TokenVerifier): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m)
        throw new DomainError('AUTH.INVALID_TOKEN', 'Authorization must be "Bearer <access token>"', 401);
      try {
        c.set('principal', await verify(m[1]!));
      } catch (err) {
        const reason = err instanceof InvalidTokenError ? err.reason : 'unverifiable';
        c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new DomainError('AUTH.INVALID_TOKEN', `Access token rejected (${reason})`, 401);
      }
    }
    await next();
  };
}

/** True when the request presents an order's secret link (header, or ?token= for EventSource). */
export function presentsOrderToken(c: Context): boolean {
  return !!(c.req.header('x-order-token') ?? c.req.query('token'));
}

/** The route-level guard built from an endpoint's rule (runs before validation and the handler). */
export function enforce(rule: AccessRule): MiddlewareHandler {
  return async (c, next) => {
    c.set('access', rule);
    if (rule.allow.includes('anonymous')) return next();
    if (rule.allow.includes('order-token') && presentsOrderToken(c)) return next();
    const p = principalOf(c);
    if (!p) {
      c.header('WWW-Authenticate', 'Bearer');
      throw unauthenticated();
    }
    if (rule.allow.includes('signed-in')) return next();
    if (p.platform.some((r) => rule.allow.includes(r))) return next();
    if (rule.scope === 'path') {
      const cooperativeId = c.req.param('cooperativeId');
      if (!cooperativeId) throw new Error('access rule scope "path" needs a :cooperativeId path parameter');
      if (grantsRule(p, cooperativeId, rule)) return next();
      // Staff of this cooperative learn they lack the role; anyone else sees nothing at all.
      if (rolesIn(p, cooperativeId).length > 0) throw forbidden(rule);
      throw notFoundForCooperative();
    }
    // scope 'resource': pass people who hold an allowed role somewhere; the use case checks which.
    const roles = cooperativeRolesOf(rule);
    if (p.grants.some((g) => g.roles.some((r) => roles.includes(r)))) return next();
    throw forbidden(rule);
  };
}

/**
 * For `scope: 'resource'` routes, once the resource is loaded: the principal must hold an allowed
 * role in the resource's cooperative, else 404 (as if it did not exist). Returns the principal.
 */
export function requireCooperativeAccess(c: Context, cooperativeId: string): Principal {
  const rule = c.get('access') as AccessRule | undefined;
  const p = principalOf(c);
  if (!rule) throw new Error('requireCooperativeAccess outside a route with an access rule');
  if (!p || !grantsRule(p, cooperativeId, rule)) throw notFoundForCooperative();
  return p;
}

/** Same check without throwing: may this request's principal act on that cooperative's resource? */
export function canAccessCooperative(c: Context, cooperativeId: string): boolean {
  const rule = c.get('access') as AccessRule | undefined;
  const p = principalOf(c);
  return !!rule && !!p && grantsRule(p, cooperativeId, rule);
}
