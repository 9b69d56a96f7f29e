import {
  AuditRecorded,
  type CooperativeRole,
  type Envelope,
  newEvent,
  type PlatformRole,
} from '@pasar/contracts';
import { EVENT_SOURCE } from './ports';

/** Who did something: a signed-in person, or the operator command (`operator`). */
export interface Actor {
  personId: string;
  /** The actor's roles in the cooperative concerned (and platform roles). */
  roles: (CooperativeRole | PlatformRole)[];
}

export const OPERATOR: Actor = { personId: 'operator', roles: [] };

/**
 * An AuditRecorded envelope for membership's trail, keyed by the cooperative (its subject) as the
 * audit topic requires. before/after carry plain facts only: roles, positions, expiry times — never
 * a password, a hash, a code or a phone.
 */
export function auditEvent(input: {
  cooperativeId: string;
  actor: Actor;
  action: string;
  target: { type: string; id: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  at: Date;
}): Envelope {
  return newEvent(
    AuditRecorded,
    input.cooperativeId,
    {
      cooperativeId: input.cooperativeId,
      actorId: input.actor.personId,
      actorRoles: input.actor.roles,
      action: input.action,
      target: input.target,
      ...(input.before ? { before: input.before } : {}),
      ...(input.after ? { after: input.after } : {}),
      at: input.at.toISOString(),
    },
    { source: EVENT_SOURCE, cooperativeId: input.cooperativeId },
  );
}
