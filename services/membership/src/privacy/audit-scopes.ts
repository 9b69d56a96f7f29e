import type { Member } from '../domain/member';
import type { PersonAccount } from './ports';

/**
 * Entries about a person with no tie to any cooperative (a shopper's account) are kept under this
 * scope: no cooperative's pengurus reads them through the API; operators can.
 */
export const PLATFORM_AUDIT_SCOPE = 'pasar-platform';

/** The cooperatives whose trail must show an action about this person: where they are a member or hold a role. */
export function auditScopesFor(records: Member[], account: PersonAccount | null): string[] {
  const scopes = new Set([
    ...records.map((r) => r.cooperativeId),
    ...(account?.grants ?? []).map((g) => g.cooperativeId),
  ]);
  return scopes.size > 0 ? [...scopes].sort() : [PLATFORM_AUDIT_SCOPE];
}
