import { personBusy, personNotFound, resetNotAllowed } from '../domain/errors';
import { grantIn } from '../domain/person';
import { newResetCode, RESET_CODE_TTL_SECONDS, resetCodeDigest } from '../domain/reset-code';
import { type Actor, auditEvent } from './audit';
import { type AccountsDeps, now } from './ports';

/**
 * The ketua issues a one-time reset code for a person of the cooperative (a forgotten password):
 * valid 24 hours, replaces any earlier code, stored only as a digest, audited in the same write.
 * Accounts with a platform role (dinas) are reset only by an operator.
 */
export async function issueResetCode(
  deps: AccountsDeps,
  actor: Actor,
  cooperativeId: string,
  personId: string,
): Promise<{ resetCode: string; resetCodeExpiresAt: string }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const at = now(deps);
    const person = await deps.people.findById(personId);
    if (!person || !grantIn(person, cooperativeId)) throw personNotFound();
    if (person.platform.length > 0) throw resetNotAllowed();
    const code = newResetCode();
    const expiresAt = new Date(at.getTime() + RESET_CODE_TTL_SECONDS * 1000);
    const next = {
      ...person,
      resetCode: { digest: resetCodeDigest(code), expiresAt, issuedBy: actor.personId },
      updatedAt: at,
      version: person.version + 1,
    };
    const event = auditEvent({
      cooperativeId,
      actor,
      action: 'membership.reset-code.issued',
      target: { type: 'person', id: personId },
      after: { expiresAt: expiresAt.toISOString() },
      at,
    });
    if (await deps.people.update(next, person.version, [event])) {
      deps.onEventsWritten('person', personId);
      return { resetCode: code, resetCodeExpiresAt: expiresAt.toISOString() };
    }
  }
  throw personBusy();
}
