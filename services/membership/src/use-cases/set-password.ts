import { ValidationError } from '@pasar/service-kit';
import { personBusy, personNotFound } from '../domain/errors';
import { hashPassword, passwordProblem } from '../domain/password';
import { type AccountsDeps, now } from './ports';

/**
 * Operator path only (the admin command in development, the seed): sets a password directly,
 * clears any reset code and lockout, ends every session. Never reachable over HTTP.
 */
export async function setPassword(deps: AccountsDeps, personId: string, password: string): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError([{ field: 'password', message: problem }]);
  const person = await deps.people.findById(personId);
  if (!person) throw personNotFound();
  const at = now(deps);
  const next = {
    ...person,
    passwordHash: await hashPassword(password),
    resetCode: null,
    failedSignIns: 0,
    lockedUntil: null,
    updatedAt: at,
    version: person.version + 1,
  };
  if (!(await deps.people.update(next, person.version, []))) throw personBusy();
  await deps.sessions.revokeAllOf(personId, at);
}
