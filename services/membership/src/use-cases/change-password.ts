import { ValidationError } from '@pasar/service-kit';
import { passwordTooCommon, personBusy, sessionExpired, wrongCurrentPassword } from '../domain/errors';
import { hashPassword, isCommonPassword, passwordLengthProblem, verifyPassword } from '../domain/password';
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
  const problem = passwordLengthProblem(input.newPassword);
  if (problem) throw new ValidationError([{ field: 'newPassword', message: problem }]);
  if (isCommonPassword(input.newPassword)) throw passwordTooCommon('newPassword');
  if (!person.passwordHash || !(await verifyPassword(person.passwordHash, input.currentPassword)))
    throw wrongCurrentPassword();
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
