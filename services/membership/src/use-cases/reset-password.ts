import { ValidationError } from '@pasar/service-kit';
import { invalidResetCode, passwordTooCommon, throttled } from '../domain/errors';
import { hashPassword, isCommonPassword, passwordLengthProblem } from '../domain/password';
import { resetCodeMatches } from '../domain/reset-code';
import { type AccountsDeps, now } from './ports';

/**
 * Sets a new password with the one-time code a pengurus issued (no e-mail needed). The code works
 * once (cleared in the same versioned write that sets the password) and for 24 hours; every session
 * of the person ends. Wrong codes count towards the same throttle as sign-ins.
 */
export async function resetPassword(
  deps: AccountsDeps,
  input: { phone: string; code: string; newPassword: string; address: string },
): Promise<void> {
  const keys = { account: input.phone, address: input.address };
  const wait = await deps.throttle.retryAfter(keys);
  if (wait > 0) throw throttled(wait);
  const problem = passwordLengthProblem(input.newPassword);
  if (problem) throw new ValidationError([{ field: 'newPassword', message: problem }]);
  if (isCommonPassword(input.newPassword)) throw passwordTooCommon('newPassword');
  const at = now(deps);
  const person = await deps.people.findByPhone(input.phone);
  const code = person?.resetCode;
  if (!person || !code || code.expiresAt <= at || !resetCodeMatches(code.digest, input.code)) {
    await deps.throttle.fail(keys);
    throw invalidResetCode();
  }
  const next = {
    ...person,
    passwordHash: await hashPassword(input.newPassword),
    resetCode: null,
    failedSignIns: 0,
    lockedUntil: null,
    updatedAt: at,
    version: person.version + 1,
  };
  // Two concurrent uses of one code: only the first versioned write wins.
  if (!(await deps.people.update(next, person.version, []))) throw invalidResetCode();
  await deps.throttle.succeed(keys);
  await deps.sessions.revokeAllOf(person.personId, at);
  deps.logger.info({ personId: person.personId }, 'password set with a reset code; sessions revoked');
}
