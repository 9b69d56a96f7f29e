import type { AccessRule, AppEnv } from '@pasar/service-kit';
import { principalOf, rolesIn } from '@pasar/service-kit';
import type { Context } from 'hono';
import type { StaffActor } from '../use-cases/audit';

/** The order's secret link: `X-Order-Token` header, or `?token=` (EventSource cannot send headers). */
export function orderToken(c: Context<AppEnv>): string | undefined {
  return c.req.header('x-order-token') ?? c.req.query('token') ?? undefined;
}

/**
 * Who may call what (the `access` of each route; the route table and /openapi.json carry them):
 * guests shop; the order's link opens it; staff act in their own cooperative only.
 */
export const ACCESS = {
  guest: { allow: ['anonymous'] },
  orderLink: { allow: ['order-token'] },
  signedIn: { allow: ['signed-in'] },
  /** The staff queue and order detail: everyone who works the orders, and the pengawas who reads. */
  staffRead: { allow: ['pengurus', 'kasir', 'gudang', 'pengawas'], scope: 'path' },
  /** Packing moves goods: the warehouse and the board. */
  pack: { allow: ['gudang', 'pengurus'], scope: 'path' },
  /** Cancelling undoes a sale (stock back, payment voided or refunded): the cashier and the board. */
  staffCancel: { allow: ['pengurus', 'kasir'], scope: 'path' },
  /** A packed pickup order is put out at the outlet: the warehouse, the board, or the cashier at the counter. */
  markReady: { allow: ['gudang', 'pengurus', 'kasir'], scope: 'path' },
  /** A courier (warehouse staff or the board) leaves with a delivery order. */
  sendOut: { allow: ['gudang', 'pengurus'], scope: 'path' },
  /** The handover at the outlet takes the pickup code and the cash: the cashier and the board. */
  handOver: { allow: ['kasir', 'pengurus'], scope: 'path' },
  /** The courier hands a delivery over (and takes the cash): any staff member who delivers. */
  deliver: { allow: ['kasir', 'gudang', 'pengurus'], scope: 'path' },
} as const satisfies Record<string, AccessRule>;

/** The staff member acting (the route's rule already checked their role in this cooperative). */
export function staffActor(c: Context<AppEnv>, cooperativeId: string): StaffActor {
  const p = principalOf(c);
  if (!p) throw new Error('staff route reached without a principal');
  return { personId: p.personId, roles: rolesIn(p, cooperativeId) };
}
