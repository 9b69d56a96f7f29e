import { DEMO_ACCOUNTS, type DemoAccount } from '@pasar/demo-data';
import type { Envelope } from '@pasar/contracts';
import { hashPassword, verifyPassword } from '../domain/password';
import { normaliseGrant, type Person } from '../domain/person';
import { auditEvent, OPERATOR } from '../use-cases/audit';
import { grantFacts } from '../use-cases/people-view';
import { type AccountsDeps, now } from '../use-cases/ports';

export interface AccountsReport {
  created: number;
  updated: number;
  unchanged: number;
}

const sameGrants = (a: Person, d: DemoAccount) =>
  JSON.stringify(a.grants) ===
  JSON.stringify(d.grants.map((g) => normaliseGrant(g.cooperativeId, g.roles, g.position)));

/**
 * The demo accounts (DEMO_ACCOUNTS), written by the operator: created with their demo password, or put
 * back to the demo grants and password when they drifted. Each grant is audited as assigned by
 * `operator` in the same write. Development only: refuses when NODE_ENV=production.
 */
export async function seedAccounts(deps: AccountsDeps, env = process.env.NODE_ENV): Promise<AccountsReport> {
  if (env === 'production') throw new Error('demo accounts have published passwords: not in production');
  const report: AccountsReport = { created: 0, updated: 0, unchanged: 0 };
  // Sequential on purpose: every account costs one argon2id hash or verification (~19 MiB each).
  for (const demo of DEMO_ACCOUNTS) {
    const at = now(deps);
    const current = await deps.people.findById(demo.personId);
    const grants = demo.grants.map((g) => normaliseGrant(g.cooperativeId, g.roles, g.position));
    const passwordOk = !!current?.passwordHash && (await verifyPassword(current.passwordHash, demo.password));
    if (
      current &&
      passwordOk &&
      sameGrants(current, demo) &&
      JSON.stringify(current.platform) === JSON.stringify(demo.platform)
    ) {
      report.unchanged++;
      continue;
    }
    const next: Person = {
      personId: demo.personId,
      name: demo.name,
      phone: demo.phone,
      email: current?.email ?? null,
      passwordHash: passwordOk ? current!.passwordHash : await hashPassword(demo.password),
      grants,
      platform: [...demo.platform],
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: current?.lastSignInAt ?? null,
      resetCode: null,
      createdAt: current?.createdAt ?? at,
      updatedAt: at,
      version: (current?.version ?? 0) + 1,
    };
    const events: Envelope[] = grants
      .filter(
        (g) =>
          JSON.stringify(grantFacts(current, g.cooperativeId)) !==
          JSON.stringify(grantFacts(next, g.cooperativeId)),
      )
      .map((g) =>
        auditEvent({
          cooperativeId: g.cooperativeId,
          actor: OPERATOR,
          action: 'membership.role.assigned',
          target: { type: 'person', id: demo.personId },
          before: grantFacts(current, g.cooperativeId),
          after: grantFacts(next, g.cooperativeId),
          at,
        }),
      );
    if (current) {
      if (!(await deps.people.update(next, current.version, events)))
        throw new Error(`demo account ${demo.personId} changed while seeding; run the seed again`);
      report.updated++;
    } else {
      const result = await deps.people.insert(next, events);
      if (result !== 'inserted')
        throw new Error(`demo account ${demo.personId}: ${result} (another account has phone ${demo.role})`);
      report.created++;
    }
    if (events.length > 0) deps.onEventsWritten('person', demo.personId);
  }
  return report;
}

/** The table `npm start` prints: phone as people type it, role, cooperative, password. */
export function demoAccountsTable(): string[] {
  const local = (p: string) => `0${p.slice(3)}`.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
  const rows = DEMO_ACCOUNTS.map((a) => [
    local(a.phone),
    a.role,
    a.cooperativeId ?? (a.role === 'dinas' ? '(semua / all)' : '-'),
    a.password,
    a.name,
  ]);
  const head = ['phone', 'role', 'cooperative', 'password', 'name'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
