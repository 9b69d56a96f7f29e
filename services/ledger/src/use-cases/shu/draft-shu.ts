import { auditEvent, type Principal } from '@pasar/service-kit';
import { shuAllocationNotSet, shuChanged, shuNotDraft, shuYearNotClosed } from '../../domain/errors';
import { computeShu, monthsOfYear, type ShuRun } from '../../domain/shu-run';
import { incomeStatementReport } from '../build-reports';
import { type LedgerDeps, now } from '../ports';
import { memberBasis } from './member-basis';

/**
 * The bendahara computes the year's SHU draft: only from closed books (all twelve months closed,
 * else 409 naming the first open one), with the allocation the bylaws set. SHU = the year's income
 * less its expenses (laba rugi); pools and members' JM / JU by largest remainder. Recomputing
 * replaces the draft; once the RAT approved it, it is refused. A loss is stored as it is (the draft
 * shows it) and can never be approved.
 */
export async function draftShu(
  deps: LedgerDeps,
  principal: Principal,
  cooperativeId: string,
  year: number,
): Promise<ShuRun> {
  const closed = new Set(
    (await deps.periods.list(cooperativeId)).filter((p) => p.status === 'closed').map((p) => p.period),
  );
  for (const month of monthsOfYear(year)) if (!closed.has(month)) throw shuYearNotClosed(month);
  const allocation = await deps.shu.allocation(cooperativeId);
  if (!allocation) throw shuAllocationNotSet();
  const existing = await deps.shu.findRun(cooperativeId, year);
  if (existing && existing.status !== 'draft') throw shuNotDraft(year, existing.status);
  const [books, basis] = await Promise.all([
    incomeStatementReport(deps, cooperativeId, { from: `${year}-01`, to: `${year}-12` }),
    memberBasis(deps, cooperativeId, year),
  ]);
  const at = now(deps);
  const run: ShuRun = {
    cooperativeId,
    year,
    status: 'draft',
    version: (existing?.version ?? 0) + 1,
    computedAt: at.toISOString(),
    computedBy: principal.personId,
    ratDate: null,
    approvedBy: null,
    approvedAt: null,
    approvalEntryId: null,
    distribution: null,
    ...computeShu({
      income: books.totalPendapatan,
      expenses: books.totalBeban,
      allocation: allocation.allocation,
      members: basis.members,
    }),
  };
  const audit = auditEvent({
    cooperativeId,
    principal,
    action: 'ledger.shu.drafted',
    target: { type: 'shu', id: `${cooperativeId}:${year}` },
    after: { year, shu: run.shu, members: run.totals.members, pools: run.pools },
    at,
  });
  if (!(await deps.shu.saveDraft(run, [audit]))) throw shuChanged(year);
  deps.onEventsWritten?.('shu', `${cooperativeId}:${year}`);
  return run;
}
