import { newEvent, ShuDistributed } from '@pasar/contracts';
import { auditEvent, type Principal } from '@pasar/service-kit';
import {
  shuAlreadyDistributed,
  shuBusy,
  shuChanged,
  shuNotApproved,
  shuNothingToShare,
  shuNotFound,
} from '../../domain/errors';
import { postingFor } from '../../domain/posting';
import { type DistributionTarget, distributionOf, type ShuRun } from '../../domain/shu-run';
import { type LedgerDeps, now } from '../ports';
import { postShuEntry, STATUS_WORDS } from './steps';

export const distributionEntryId = (cooperativeId: string, year: number) =>
  `je_shu-distribute-${cooperativeId}-${year}`;

/**
 * The bendahara distributes the approved SHU's member shares, once: Dr 2-1300 dana SHU yang belum
 * dibagi / Cr 2-1200 simpanan sukarela (credited) or Cr Kas / Bank (paid out) for the members'
 * JM + JU total, and ShuDistributed with each member's amount (membership credits the sukarela
 * sub-ledger from it), published from the run's outbox in the same write that marks it
 * distributed. The other funds (dana pengurus, pendidikan…) stay in 2-1300 until they are spent.
 * approved → distributing (claimed at the version read) → distributed; a second call is 409.
 */
export async function distributeShu(
  deps: LedgerDeps,
  principal: Principal,
  cooperativeId: string,
  year: number,
  to: DistributionTarget,
): Promise<ShuRun> {
  const run = await deps.shu.findRun(cooperativeId, year);
  if (!run) throw shuNotFound(year);
  if (run.status === 'distributed') throw shuAlreadyDistributed(year);
  if (run.status === 'distributing' && run.distribution?.by !== principal.personId)
    throw shuBusy(year, STATUS_WORDS.distributing);
  if (run.status !== 'approved' && run.status !== 'distributing')
    throw shuNotApproved(year, STATUS_WORDS[run.status]);
  const shares = distributionOf(run);
  if (shares.total === 0) throw shuNothingToShare(year);
  const at = now(deps);
  const claimed =
    run.status === 'distributing'
      ? run
      : await deps.shu.transition(
          cooperativeId,
          year,
          'approved',
          run.version,
          {
            status: 'distributing',
            distribution: { to, by: principal.personId, at: null, entryId: null, total: shares.total },
          },
          [],
        );
  if (!claimed?.distribution) throw shuChanged(year);
  const target = claimed.distribution.to;
  const ev = {
    eventId: `shu-distribute-${cooperativeId}-${year}`,
    cooperativeId,
    occurredAt: at.toISOString(),
    type: 'shu_distributed' as const,
    year,
    amount: shares.total,
    to: target,
  };
  const entry = await postShuEntry(deps, ev, postingFor(ev).memo, principal.personId);
  const distributed = newEvent(
    ShuDistributed,
    cooperativeId,
    {
      cooperativeId,
      year,
      shuId: `${cooperativeId}:${year}`,
      to: target,
      members: shares.members,
      total: shares.total,
      distributedBy: principal.personId,
      distributedAt: at.toISOString(),
    },
    { source: 'urn:pasar:ledger', cooperativeId },
  );
  const audit = auditEvent({
    cooperativeId,
    principal,
    action: 'ledger.shu.distributed',
    target: { type: 'shu', id: `${cooperativeId}:${year}` },
    before: { status: 'approved' },
    after: { status: 'distributed', to: target, total: shares.total, entryId: entry.entryId },
    at,
  });
  const done = await deps.shu.transition(
    cooperativeId,
    year,
    'distributing',
    claimed.version,
    {
      status: 'distributed',
      distribution: { ...claimed.distribution, at: at.toISOString(), entryId: entry.entryId },
    },
    [distributed, audit],
  );
  if (!done) throw shuChanged(year);
  deps.onEventsWritten?.('shu', `${cooperativeId}:${year}`);
  deps.logger.info({ cooperativeId, year, to: target, members: shares.members.length }, 'shu distributed');
  return done;
}
