import { type Principal, rolesIn } from '@pasar/service-kit';
import { decryptNik, maskNik, NikDecryptionError } from '../domain/nik';
import { memberNotFound, nikNotStored, nikUnreadable } from './errors';
import type { NikViewDeps } from './ports';

export interface NikView {
  memberId: string;
  cooperativeId: string;
  nik: string;
  nikMasked: string;
}

/**
 * A pengurus asks for a member's full NIK. The view is audited (`membership.nik.viewed`, no NIK in
 * the entry) and the entry is stored before the number is returned: no unaudited view.
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
  if (!nik?.encrypted) throw nikNotStored();
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
  return { memberId, cooperativeId, nik: full, nikMasked: maskNik(nik) ?? '' };
}
