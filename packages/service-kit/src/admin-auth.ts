import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from './errors';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when the request carries `Authorization: Bearer <admin token>` (constant-time compare). */
export function isAdmin(c: Context, adminToken: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(adminToken));
}

/**
 * Staff endpoints until the accounts issue lands: `Authorization: Bearer <ADMIN_TOKEN>`, else 401.
 * Digests are compared in constant time so the token cannot be guessed byte by byte.
 */
export function requireAdmin(adminToken: string): MiddlewareHandler {
  return async (c, next) => {
    if (!isAdmin(c, adminToken)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new DomainError('AUTH.UNAUTHORIZED', 'Staff token required: Authorization: Bearer <token>', 401);
    }
    await next();
  };
}
