import type { PlatformRole } from '@pasar/contracts';
import { randomId } from '@pasar/service-kit';
import { personBusy } from '../domain/errors';
import type { Person } from '../domain/person';
import { newResetCode, RESET_CODE_TTL_SECONDS, resetCodeDigest } from '../domain/reset-code';
import { type AccountsDeps, now } from './ports';

/**
 * Operator path: an account with a platform role (dinas, the city cooperative office), or the role
 * added to an existing account with that phone. Returns a one-time reset code when the account has
 * no password yet. Platform roles belong to no cooperative, so there is no cooperative trail to write
 * to; the operator's command line and the service log record it.
 */
export async function createPlatformAccount(
  deps: AccountsDeps,
  input: { name: string; phone: string; platform: PlatformRole[]; personId?: string },
): Promise<{
  personId: string;
  created: boolean;
  resetCode: string | null;
  resetCodeExpiresAt: string | null;
}> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const at = now(deps);
    const existing = await deps.people.findByPhone(input.phone);
    const base: Person = existing ?? {
      personId: input.personId ?? randomId('per'),
      name: input.name,
      phone: input.phone,
      email: null,
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
      platform: [...new Set([...base.platform, ...input.platform])],
      resetCode: code ? { digest: resetCodeDigest(code), expiresAt, issuedBy: 'operator' } : base.resetCode,
      updatedAt: at,
      version: base.version + 1,
    };
    const ok = existing
      ? await deps.people.update(next, existing.version, [])
      : (await deps.people.insert(next, [])) === 'inserted';
    if (!ok) continue;
    deps.logger.info(
      { personId: next.personId, platform: next.platform },
      'platform account created by operator',
    );
    return {
      personId: next.personId,
      created: !existing,
      resetCode: code,
      resetCodeExpiresAt: code ? expiresAt.toISOString() : null,
    };
  }
  throw personBusy();
}
