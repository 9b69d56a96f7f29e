import { DomainError } from '@pasar/service-kit';
import type { Context, MiddlewareHandler } from 'hono';
import { secretEquals } from '../lib/ids';

/** Staff endpoints until the auth issue lands: `Authorization: Bearer <ADMIN_TOKEN>`. */
export function requireAdmin(adminToken: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!presented || !secretEquals(presented, adminToken)) {
      throw new DomainError('AUTH.UNAUTHORIZED', 'A staff token is required (Authorization: Bearer …)', 401);
    }
    await next();
  };
}

/** The order's secret link: `X-Order-Token` header, or `?token=` (EventSource cannot send headers). */
export function orderToken(c: Context): string | undefined {
  return c.req.header('x-order-token') ?? c.req.query('token') ?? undefined;
}
