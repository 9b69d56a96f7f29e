import { ValidationError } from '@pasar/service-kit';
import { personBusy, sessionExpired } from '../domain/errors';
import { hashPassword, passwordProblem, verifyPassword } from '../domain/password';
import { requireLiveSession } from './issue-tokens';
import { type AccountsDeps, now } from './ports';

/** The signed-in person changes their password; every session of theirs ends (sign in again). */
export async function changePassword(
  deps: AccountsDeps,
  who: { personId: string; sessionRef: string },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  await requireLiveSession(deps, who.sessionRef, who.personId);
  const person = await deps.people.findById(who.personId);
  if (!person) throw sessionExpired();
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new ValidationError([{ field: 'newPassword', message: problem }]);
  if (!person.passwordHash || !(await verifyPassword(person.passwordHash, input.currentPassword)))
    throw new ValidationError([{ field: 'currentPassword', message: 'is not your current password' }]);
  const at = now(deps);
  const next = {
    ...person,
    passwordHash: await hashPassword(input.newPassword),
    updatedAt: at,
    version: person.version + 1,
  };
  if (!(await deps.people.update(next, person.version, []))) throw personBusy();
  await deps.sessions.revokeAllOf(person.personId, at);
  deps.logger.info({ personId: person.personId }, 'password changed; sessions revoked');
}
