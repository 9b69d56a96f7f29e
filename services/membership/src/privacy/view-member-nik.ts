import { type Principal, rolesIn } from '@pasar/service-kit';
import { decryptNik, maskNik, NikDecryptionError } from '../domain/nik';
import { memberNotFound, nikUnreadable } from './errors';
import type { NikViewDeps } from './ports';

export interface NikView {
  memberId: string;
  cooperativeId: string;
  /** The full NIK, or null when none is stored (none given, erased, or only its hash and last 4 kept). */
  nik: string | null;
  nikMasked: string | null;
  /** What is kept of the NIK, as in the personal-data export. */
  nikStored: 'encrypted' | 'hash-only' | 'none';
}

/**
 * A pengurus asks for a member's full NIK. The view is audited (`membership.nik.viewed`, no NIK in
 * the entry) and the entry is stored before the number is returned: no unaudited view. A member
 * without a stored full NIK is still a member: the answer is 200 with `nik: null` and what is kept
 * (nothing is revealed, so nothing is audited).
 */
export async function viewMemberNik(
  deps: NikViewDeps,
  principal: Principal,
  cooperativeId: string,
  memberId: string,
): Promise<NikView> {
  const member = await deps.members.findById(memberId);
  if (!member || member.cooperativeId !== cooperativeId) throw memberNotFound();
  const nik = member.nik;
  if (!nik?.encrypted)
    return {
      memberId,
      cooperativeId,
      nik: null,
      nikMasked: maskNik(nik),
      nikStored: nik ? 'hash-only' : 'none',
    };
  let full: string;
  try {
    full = decryptNik({ ...nik, encrypted: nik.encrypted }, deps.nikKeyring);
  } catch (err) {
    if (!(err instanceof NikDecryptionError)) throw err;
    deps.logger.error({ memberId, cooperativeId, reason: err.reason }, 'stored NIK does not decrypt');
    throw nikUnreadable();
  }
  await deps.audit.record({
    cooperativeId,
    principal,
    action: 'membership.nik.viewed',
    target: { type: 'member', id: memberId },
  });
  deps.logger.info(
    { memberId, cooperativeId, actorId: principal.personId, roles: rolesIn(principal, cooperativeId) },
    'NIK viewed',
  );
  return { memberId, cooperativeId, nik: full, nikMasked: maskNik(nik), nikStored: 'encrypted' };
}
