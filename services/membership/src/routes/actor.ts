import { principalOf, rolesIn } from '@pasar/service-kit';
import type { Context } from 'hono';
import type { Actor } from '../use-cases/audit';

/** The signed-in caller as an audit actor: their roles in the cooperative concerned and platform roles. */
export function actorIn(c: Context, cooperativeId: string): Actor {
  const p = principalOf(c)!;
  return { personId: p.personId, roles: [...rolesIn(p, cooperativeId), ...p.platform] };
}
