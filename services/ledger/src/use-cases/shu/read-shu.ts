import type { Principal } from '@pasar/service-kit';
import { notAMember, shuNotFound } from '../../domain/errors';
import { publicStatus, type ShuRun } from '../../domain/shu-run';
import type { LedgerDeps } from '../ports';
import { isBoardOrSupervisor } from './access';

/** A run as the board and the pengawas read it: every member's line. */
export function runView(run: ShuRun) {
  return {
    shuId: `${run.cooperativeId}:${run.year}`,
    cooperativeId: run.cooperativeId,
    year: run.year,
    status: publicStatus(run.status),
    income: run.income,
    expenses: run.expenses,
    shu: run.shu,
    loss: run.loss,
    allocation: run.allocation,
    pools: run.pools,
    members: run.members,
    totals: run.totals,
    unshared: run.unshared,
    roundingNote: run.roundingNote,
    computedAt: run.computedAt,
    computedBy: run.computedBy,
    ratDate: run.ratDate,
    approvedAt: run.status === 'approving' ? null : run.approvedAt,
    approvedBy: run.status === 'approving' ? null : run.approvedBy,
    approvalEntryId: run.approvalEntryId,
    distribution:
      run.status === 'distributed' && run.distribution
        ? {
            to: run.distribution.to,
            by: run.distribution.by,
            at: run.distribution.at,
            entryId: run.distribution.entryId,
            total: run.distribution.total,
          }
        : null,
  };
}
export type ShuRunView = ReturnType<typeof runView>;

export async function getShuRun(deps: LedgerDeps, cooperativeId: string, year: number) {
  const run = await deps.shu.findRun(cooperativeId, year);
  if (!run) throw shuNotFound(year);
  return runView(run);
}

/** Members see a year once the RAT approved it (a draft may still change). */
const approvedForMembers = (run: Pick<ShuRun, 'status'>) => {
  const s = publicStatus(run.status);
  return s === 'approved' || s === 'distributed';
};

/** The years of SHU: every run for the board and the pengawas; the approved ones for a member. */
export async function listShuRuns(deps: LedgerDeps, principal: Principal, cooperativeId: string) {
  const all = await deps.shu.listRuns(cooperativeId);
  const visible = isBoardOrSupervisor(principal, cooperativeId) ? all : all.filter(approvedForMembers);
  return visible.map((r) => ({
    year: r.year,
    status: publicStatus(r.status),
    shu: r.shu,
    ratDate: r.ratDate,
  }));
}

/**
 * A member's own SHU of a year: their line and the pools, nothing of any other member. The member
 * is the one whose account the token names (the members read model); none → 404, as is a year the
 * RAT has not approved yet.
 */
export async function getMyShu(deps: LedgerDeps, principal: Principal, cooperativeId: string, year: number) {
  const member = await deps.members.memberByPerson(cooperativeId, principal.personId);
  if (!member) throw notAMember();
  const run = await deps.shu.findRun(cooperativeId, year);
  if (!run || !approvedForMembers(run)) throw shuNotFound(year);
  const line = run.members.find((m) => m.memberId === member.memberId) ?? null;
  const view = runView(run);
  return {
    shuId: view.shuId,
    cooperativeId,
    year,
    status: view.status,
    shu: run.shu,
    allocation: run.allocation,
    pools: run.pools,
    ratDate: run.ratDate,
    roundingNote: run.roundingNote,
    member: line
      ? {
          memberId: line.memberId,
          displayName: line.displayName,
          savings: line.savings,
          transactions: line.transactions,
          jasaModal: line.jasaModal,
          jasaUsaha: line.jasaUsaha,
          total: line.total,
        }
      : null,
    distribution: view.distribution ? { to: view.distribution.to, at: view.distribution.at } : null,
  };
}
