import type { BoardPosition, CooperativeRole, Envelope } from '@pasar/contracts';
import { randomId } from '@pasar/service-kit';
import { cooperativeNotFound, personBusy, personExists } from '../domain/errors';
import { mergeGrant, type Person } from '../domain/person';
import { newResetCode, RESET_CODE_TTL_SECONDS, resetCodeDigest } from '../domain/reset-code';
import { type Actor, auditEvent } from './audit';
import { type StaffPersonView, grantFacts, toStaffPersonView } from './people-view';
import { linkMemberAccount, memberToLink } from './link-member-account';
import { type AccountsDeps, now } from './ports';

export interface InviteInput {
  name: string;
  /** Normalised +628…. */
  phone: string;
  roles: CooperativeRole[];
  position?: BoardPosition;
  email?: string;
  /** Only the seed and tests pass a fixed id. */
  personId?: string;
  /** The registry record (of this cooperative) the account belongs to: linked once, published. */
  memberId?: string;
}

export interface InviteResult {
  person: StaffPersonView;
  /** The one-time code to set a password at /auth/reset; null when the person already has a password. */
  resetCode: string | null;
  resetCodeExpiresAt: string | null;
  created: boolean;
}

const ATTEMPTS = 3;

/**
 * A ketua (or the operator command) gives a person roles in the cooperative: a new account when the
 * phone is unknown, otherwise the roles are added to the existing one. A person without a password
 * gets a one-time reset code; an existing account with a password gets none, so nobody can take over
 * someone else's account by inviting their phone. Role assignment and code issuance are audited in
 * the same single-document write.
 */
export async function invitePerson(
  deps: AccountsDeps,
  actor: Actor,
  cooperativeId: string,
  input: InviteInput,
): Promise<InviteResult> {
  if (!(await deps.cooperatives.findById(cooperativeId))) throw cooperativeNotFound(cooperativeId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const at = now(deps);
    const existing = await deps.people.findByPhone(input.phone);
    const member = input.memberId
      ? await memberToLink(deps, cooperativeId, input.memberId, existing?.personId ?? input.personId ?? null)
      : null;
    const base: Person = existing ?? {
      personId: input.personId ?? randomId('per'),
      name: input.name,
      phone: input.phone,
      email: input.email ?? null,
      passwordHash: null,
      grants: [],
      platform: [],
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: null,
      resetCode: null,
      createdAt: at,
      updatedAt: at,
      version: 0,
    };
    const code = base.passwordHash ? null : newResetCode();
    const expiresAt = new Date(at.getTime() + RESET_CODE_TTL_SECONDS * 1000);
    const next: Person = {
      ...base,
      grants: mergeGrant(base.grants, cooperativeId, input.roles, input.position),
      resetCode: code
        ? { digest: resetCodeDigest(code), expiresAt, issuedBy: actor.personId }
        : base.resetCode,
      updatedAt: at,
      version: base.version + 1,
    };
    const before = grantFacts(existing, cooperativeId);
    const after = grantFacts(next, cooperativeId);
    if (existing && !code && JSON.stringify(before) === JSON.stringify(after)) {
      if (member) await linkMemberAccount(deps, member, existing.personId);
      return {
        person: toStaffPersonView(existing, cooperativeId),
        resetCode: null,
        resetCodeExpiresAt: null,
        created: false,
      };
    }
    const target = { type: 'person', id: next.personId };
    const events: Envelope[] = [
      auditEvent({
        cooperativeId,
        actor,
        action: 'membership.role.assigned',
        target,
        before,
        after,
        at,
      }),
      ...(code
        ? [
            auditEvent({
              cooperativeId,
              actor,
              action: 'membership.reset-code.issued',
              target,
              after: { expiresAt: expiresAt.toISOString() },
              at,
            }),
          ]
        : []),
    ];
    const written = existing
      ? await deps.people.update(next, existing.version, events)
      : await deps.people.insert(next, events).then((r) => {
          if (r === 'duplicate-id') throw personExists(next.personId);
          return r === 'inserted';
        });
    if (!written) continue; // changed meanwhile, or the phone was just taken: read again
    deps.onEventsWritten('person', next.personId);
    // After the account exists: a crash in between leaves an account without its link, and the
    // ketua's retry (same phone, same member id) links it.
    if (member) await linkMemberAccount(deps, member, next.personId);
    deps.logger.info({ personId: next.personId, cooperativeId, by: actor.personId }, 'person invited');
    return {
      person: toStaffPersonView(next, cooperativeId),
      resetCode: code,
      resetCodeExpiresAt: code ? expiresAt.toISOString() : null,
      created: !existing,
    };
  }
  throw personBusy();
}
