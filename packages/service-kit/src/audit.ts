import {
  AuditRecorded,
  type CooperativeRole,
  type EventOf,
  newEvent,
  normaliseIndonesianPhone,
  type PlatformRole,
} from '@pasar/contracts';
import { type Principal, rolesIn } from './auth/principal';

export type AuditRecordedEvent = EventOf<typeof AuditRecorded>;

/** Who acted: the request's principal, an actor whose roles are already resolved, or a job / bootstrap command. */
export type AuditActor =
  | Principal
  | { personId: string; roles: readonly (CooperativeRole | PlatformRole)[] }
  | 'system'
  | 'operator';

export interface AuditInput {
  cooperativeId: string;
  principal: AuditActor;
  /** `<service>.<entity>.<verb>`, e.g. `catalog.product.restocked`. */
  action: string;
  target: { type: string; id: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Defaults to `urn:pasar:<service>` from the action's first part. */
  source?: string;
  at?: Date;
  correlationId?: string;
  causationId?: string;
}

/**
 * An AuditRecorded event for a staff action, keyed (subject) by the cooperative. `before`/`after`
 * pass through redactForAudit(). Put it in the changed aggregate's outbox, in the same
 * single-document update as the change: `withOutbox({$set: …}, [auditEvent({…})])`.
 */
export function auditEvent(input: AuditInput): AuditRecordedEvent {
  const actor = input.principal;
  const actorId = typeof actor === 'string' ? actor : actor.personId;
  const actorRoles: (CooperativeRole | PlatformRole)[] =
    typeof actor === 'string'
      ? []
      : 'roles' in actor
        ? [...actor.roles]
        : [...rolesIn(actor, input.cooperativeId), ...actor.platform];
  const before = input.before === undefined ? undefined : redactForAudit(input.before);
  const after = input.after === undefined ? undefined : redactForAudit(input.after);
  return newEvent(
    AuditRecorded,
    input.cooperativeId,
    {
      cooperativeId: input.cooperativeId,
      actorId,
      actorRoles,
      action: input.action,
      target: input.target,
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      at: (input.at ?? new Date()).toISOString(),
    },
    {
      source: input.source ?? `urn:pasar:${input.action.split('.')[0]}`,
      cooperativeId: input.cooperativeId,
      ...(input.correlationId ? { correlationId: input.correlationId } : {}),
      ...(input.causationId ? { causationId: input.causationId } : {}),
    },
  );
}

/** Key words whose values never enter an audit entry (matched per word of the key: `resetCode`, `nik_hash`). */
const SECRET_WORDS = new Set(['password', 'passwd', 'hash', 'nik', 'secret', 'token', 'code', 'salt']);
const PHONE_WORDS = new Set(['phone', 'telp', 'telepon', 'hp', 'msisdn', 'whatsapp', 'wa']);

function wordsOf(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** "+6281234567890" → "**********7890": enough to tell two numbers apart, useless alone. */
export function maskLast4(value: string): string {
  const compact = value.replace(/[^\dA-Za-z]/g, '');
  return `${'*'.repeat(Math.max(compact.length - 4, 4))}${compact.slice(-4)}`;
}

function redactValue(value: unknown, phoneKey: boolean): unknown {
  if (typeof value === 'string')
    return phoneKey || normaliseIndonesianPhone(value) ? maskLast4(value) : value;
  if (typeof value === 'number' && phoneKey) return maskLast4(String(value));
  if (Array.isArray(value)) return value.map((v) => redactValue(v, phoneKey));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') return redactForAudit(value as Record<string, unknown>);
  return value;
}

/**
 * What may go into an audit diff: drops keys named like password, hash, nik, secret, token or code
 * (at any depth), and masks phone numbers — under a phone-like key, or any string that is an
 * Indonesian mobile number — to their last 4 digits.
 */
export function redactForAudit(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    const words = wordsOf(key);
    if (words.some((w) => SECRET_WORDS.has(w))) continue;
    out[key] = redactValue(
      value,
      words.some((w) => PHONE_WORDS.has(w)),
    );
  }
  return out;
}
