import { auditEvent, type Principal, randomId } from '@pasar/service-kit';
import { auditScopesFor } from './audit-scopes';
import type { PersonalDataDeps } from './ports';

export interface ErasureResult {
  pseudonym: string;
  erasedAt: string;
  /** The registry records kept (now pointing at the pseudonym). */
  memberIds: string[];
}

/**
 * The signed-in person asks to be erased (UU PDP art. 8/9). Personal fields go — name becomes
 * "Anggota terhapus <pseudonym>", phone, NIK (HMAC and ciphertext) and address are removed — in
 * every member registry record and in the account. What the cooperative must keep stays: member
 * ids, cooperative, roles, join date, and everything that refers to them (savings, ledger entries,
 * orders), now pointing at the pseudonym.
 *
 * Each record's change and its audit event are one single-document write. No transactions exist
 * across records, so the flow is restartable: a retry reuses the pseudonym already written and
 * skips erased records; the account step must be idempotent.
 */
export async function erasePersonalData(
  deps: PersonalDataDeps,
  principal: Principal,
): Promise<ErasureResult> {
  const personId = principal.personId;
  const [account, all] = await Promise.all([
    deps.people.findById(personId),
    deps.members.listByPerson(personId),
  ]);
  const records = all.filter((r) => r.personId === personId);
  const pseudonym = records.find((r) => r.erasure)?.erasure?.pseudonym ?? randomId('anon', 12);
  const erasedAt = deps.clock?.() ?? new Date();

  for (const record of records) {
    if (record.erasure) continue;
    const event = auditEvent({
      cooperativeId: record.cooperativeId,
      principal,
      action: 'membership.member.erased',
      target: { type: 'member', id: record.memberId },
      after: { pseudonym },
      at: erasedAt,
      source: 'urn:pasar:membership',
    });
    if (await deps.members.pseudonymise(record.memberId, { pseudonym, erasedAt }, [event]))
      deps.onEventsWritten('member', record.memberId);
  }
  await deps.peopleEraser.pseudonymise(personId, pseudonym);
  for (const cooperativeId of auditScopesFor(records, account)) {
    await deps.audit.record({
      cooperativeId,
      principal,
      action: 'membership.person.erased',
      target: { type: 'person', id: personId },
      after: { pseudonym, memberRecords: records.filter((r) => r.cooperativeId === cooperativeId).length },
      at: erasedAt,
    });
  }
  deps.logger.info({ personId, memberRecords: records.length }, 'personal data erased');
  return { pseudonym, erasedAt: erasedAt.toISOString(), memberIds: records.map((r) => r.memberId) };
}
