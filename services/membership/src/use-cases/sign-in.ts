import { randomId } from '@pasar/service-kit';
import { invalidCredentials, throttled } from '../domain/errors';
import { dummyPasswordHash, verifyPassword } from '../domain/password';
import { type Person, type PersonView, toPersonView } from '../domain/person';
import { newSessionId, type Session, sessionDigest, sessionExpiresAt } from '../domain/session';
import { auditEvent } from './audit';
import { type AccountsDeps, type AuthEventRecord, now } from './ports';

export interface SignInInput {
  /** Normalised +628…. */
  phone: string;
  password: string;
  /** The session the web held before (rotation): revoked once the new one exists. */
  previousSessionId?: string;
  address: string;
}

export interface SignInResult {
  session: { id: string; expiresAt: string; idleTimeoutSeconds: number };
  person: PersonView;
}

/**
 * Phone + password → a new session (never a reused one). Throttled per account and per address;
 * every attempt, success or failure, is appended to auth_events (with AuditRecorded events for each
 * cooperative the person works in). The password never reaches a log or an event.
 */
export async function signIn(deps: AccountsDeps, input: SignInInput): Promise<SignInResult> {
  const keys = { account: input.phone, address: input.address };
  const wait = await deps.throttle.retryAfter(keys);
  if (wait > 0) throw throttled(wait);
  const at = now(deps);
  const person = await deps.people.findByPhone(input.phone);
  if (person?.lockedUntil && person.lockedUntil > at)
    throw throttled(Math.ceil((person.lockedUntil.getTime() - at.getTime()) / 1000));

  // Unknown phones and accounts without a password cost one argon2 verification too.
  const ok = person?.passwordHash
    ? await verifyPassword(person.passwordHash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password)) && false;
  if (!ok) {
    await deps.throttle.fail(keys);
    if (person) await deps.people.recordSignInFailure(person.personId, at, deps.throttle.policy);
    await recordAttempt(deps, 'sign-in.failed', person, input.address, at);
    throw invalidCredentials();
  }

  await deps.throttle.succeed(keys);
  await deps.people.recordSignInSuccess(person!.personId, at);
  const id = newSessionId();
  const session: Session = {
    digest: sessionDigest(id),
    personId: person!.personId,
    createdAt: at,
    lastSeenAt: at,
    revokedAt: null,
  };
  await deps.sessions.insert(session);
  if (input.previousSessionId) await deps.sessions.revoke(sessionDigest(input.previousSessionId), at);
  await recordAttempt(deps, 'sign-in.succeeded', person, input.address, at);
  return {
    session: {
      id,
      expiresAt: sessionExpiresAt(session, deps.sessionPolicy).toISOString(),
      idleTimeoutSeconds: deps.sessionPolicy.idleTimeoutSeconds,
    },
    person: toPersonView(person!),
  };
}

async function recordAttempt(
  deps: AccountsDeps,
  kind: AuthEventRecord['kind'],
  person: Person | null,
  address: string,
  at: Date,
) {
  const record: AuthEventRecord = {
    id: randomId('aev'),
    kind,
    personId: person?.personId ?? null,
    address,
    at,
  };
  const events = (person?.grants ?? []).map((g) =>
    auditEvent({
      cooperativeId: g.cooperativeId,
      actor: { personId: person!.personId, roles: g.roles },
      action: `membership.${kind}`,
      target: { type: 'person', id: person!.personId },
      at,
    }),
  );
  await deps.authEvents.append(record, events);
  if (events.length > 0) deps.onEventsWritten('auth-event', record.id);
  deps.logger.info({ personId: record.personId, outcome: kind }, 'sign-in attempt');
}
