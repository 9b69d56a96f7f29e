import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@pasar/service-kit';
import type { MiddlewareHandler } from 'hono';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Staff endpoints until the auth issue lands: `Authorization: Bearer <ADMIN_TOKEN>`, else 401.
 * Compares digests in constant time so the token cannot be guessed byte by byte.
 */
export function requireAdmin(adminToken: string): MiddlewareHandler {
  const expected = digest(adminToken);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new DomainError('AUTH.UNAUTHORIZED', 'Staff token required: Authorization: Bearer <token>', 401);
    }
    await next();
  };
}
