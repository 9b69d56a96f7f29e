import { DEMO_COOPERATIVES, DEMO_MEMBERS } from '@pasar/demo-data';
import { DomainError } from '@pasar/service-kit';
import type { SellersDeps } from '../use-cases/ports';
import { registerCooperative } from '../use-cases/register-cooperative';
import { linkMemberAccount } from '../use-cases/link-member-account';
import { registerMember } from '../use-cases/register-member';
import { updateCooperative } from '../use-cases/update-cooperative';
import { type AccountsReport, seedAccounts } from './seed-accounts';
import { type SellersReport, seedSellers } from './seed-sellers';

export interface SeedReport {
  cooperatives: { registered: number; updated: number; unchanged: number };
  /** `linked`: existing records given their demo account's personId (stacks seeded before the link). */
  members: { registered: number; existing: number; linked: number };
  accounts: AccountsReport;
  sellers: SellersReport;
}

const isCode = (err: unknown, code: string) => err instanceof DomainError && err.code === code;

/**
 * Upserts the demo cooperatives and members through the use cases, so every change goes through
 * the outbox like any other. Idempotent: a second run registers nothing and emits nothing.
 * Members have no update use case yet, so an existing member is only linked to its demo account
 * when it has none. Then the demo accounts (seed-accounts.ts) and the demo sellers (seed-sellers.ts).
 */
export async function seedDemo(deps: SellersDeps): Promise<SeedReport> {
  const report: SeedReport = {
    cooperatives: { registered: 0, updated: 0, unchanged: 0 },
    members: { registered: 0, existing: 0, linked: 0 },
    accounts: { created: 0, updated: 0, unchanged: 0 },
    sellers: { registered: 0, existing: 0 },
  };
  for (const { slug: _slug, ...coop } of DEMO_COOPERATIVES) {
    try {
      await registerCooperative(deps, coop);
      report.cooperatives.registered++;
    } catch (err) {
      if (!isCode(err, 'COOPERATIVE.ALREADY_EXISTS')) throw err;
      const { cooperativeId, ...changes } = coop;
      const before = await deps.cooperatives.findById(cooperativeId);
      const after = await updateCooperative(deps, cooperativeId, changes);
      if (before && after.updatedAt !== before.updatedAt.toISOString()) report.cooperatives.updated++;
      else report.cooperatives.unchanged++;
    }
  }
  for (const member of DEMO_MEMBERS) {
    try {
      await registerMember(deps, member);
      report.members.registered++;
    } catch (err) {
      if (!isCode(err, 'MEMBER.ALREADY_EXISTS')) throw err;
      report.members.existing++;
      if (member.personId && (await linkMemberAccount(deps, member, member.personId)))
        report.members.linked++;
    }
  }
  report.accounts = await seedAccounts(deps);
  report.sellers = await seedSellers(deps);
  return report;
}
