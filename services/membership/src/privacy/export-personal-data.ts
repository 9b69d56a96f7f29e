import type { Principal } from '@pasar/service-kit';
import type { Member } from '../domain/member';
import { maskNik } from '../domain/nik';
import { auditScopesFor } from './audit-scopes';
import type { PersonAccount, PersonalDataDeps } from './ports';

export interface ExportedMemberRecord {
  memberId: string;
  cooperativeId: string;
  displayName: string;
  roles: string[];
  phone: string | null;
  /** Masked: see README "Personal data (UU PDP)" for why the export does not carry the full NIK. */
  nikMasked: string | null;
  /** What is kept of the NIK: `encrypted` (full number, AES-256-GCM) + HMAC, `hash-only`, or `none`. */
  nikStored: 'encrypted' | 'hash-only' | 'none';
  joinedAt: string;
  erasedAt: string | null;
}

export interface PersonalDataExport {
  format: 'pasar.personal-data.v1';
  exportedAt: string;
  personId: string;
  account: PersonAccount | null;
  memberRecords: ExportedMemberRecord[];
}

function exportRecord(m: Member): ExportedMemberRecord {
  return {
    memberId: m.memberId,
    cooperativeId: m.cooperativeId,
    displayName: m.displayName,
    roles: m.roles,
    phone: m.phone,
    nikMasked: maskNik(m.nik),
    nikStored: m.nik?.encrypted ? 'encrypted' : m.nik ? 'hash-only' : 'none',
    joinedAt: m.createdAt.toISOString(),
    erasedAt: m.erasure?.erasedAt.toISOString() ?? null,
  };
}

/**
 * The signed-in person's own data (UU PDP art. 7, right of access): their account and every member
 * registry record linked to them, in every cooperative. Nothing is looked up by anything but their
 * own person id. Audited in each cooperative concerned before the data is returned.
 */
export async function exportPersonalData(
  deps: PersonalDataDeps,
  principal: Principal,
): Promise<PersonalDataExport> {
  const personId = principal.personId;
  const [account, records] = await Promise.all([
    deps.people.findById(personId),
    deps.members.listByPerson(personId),
  ]);
  const mine = records.filter((r) => r.personId === personId);
  for (const cooperativeId of auditScopesFor(mine, account)) {
    await deps.audit.record({
      cooperativeId,
      principal,
      action: 'membership.person.exported',
      target: { type: 'person', id: personId },
      after: { memberRecords: mine.filter((r) => r.cooperativeId === cooperativeId).length },
    });
  }
  deps.logger.info({ personId, memberRecords: mine.length }, 'personal data exported');
  return {
    format: 'pasar.personal-data.v1',
    exportedAt: (deps.clock?.() ?? new Date()).toISOString(),
    personId,
    account: account
      ? {
          personId: account.personId,
          name: account.name,
          phone: account.phone,
          ...(account.email ? { email: account.email } : {}),
          grants: account.grants,
        }
      : null,
    memberRecords: mine.map(exportRecord),
  };
}
