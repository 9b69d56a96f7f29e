import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppEnv } from '@pasar/service-kit';
import type { Context, MiddlewareHandler } from 'hono';
import { unauthorized } from '../domain/errors';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when the request carries `Authorization: Bearer <admin token>` (constant-time compare). */
export function isAdmin(c: Context, adminToken: string): boolean {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match !== null && timingSafeEqual(digest(match[1]!), digest(adminToken));
}

/** Staff-only routes until the auth issue lands: a missing or wrong token is a 401. */
export function requireAdmin(adminToken: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!isAdmin(c, adminToken)) {
      c.header('WWW-Authenticate', 'Bearer realm="pasar-catalog"');
      throw unauthorized();
    }
    await next();
  };
}
