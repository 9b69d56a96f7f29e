import { auditEvent, type Principal, ValidationError } from '@pasar/service-kit';
import {
  shuBusy,
  shuChanged,
  shuLoss,
  shuNotDraft,
  shuNothingToShare,
  shuNotFound,
} from '../../domain/errors';
import { postingFor } from '../../domain/posting';
import { appropriationOf, type ShuRun } from '../../domain/shu-run';
import { type LedgerDeps, now } from '../ports';
import { requireKetuaOrBendahara } from './access';
import { postShuEntry, STATUS_WORDS } from './steps';

const WIB_MS = 7 * 60 * 60 * 1000;
const jakartaDay = (at: Date) => new Date(at.getTime() + WIB_MS).toISOString().slice(0, 10);

export const approvalEntryId = (cooperativeId: string, year: number) =>
  `je_shu-approve-${cooperativeId}-${year}`;

/**
 * The RAT approved the year's SHU (the ketua or the bendahara records it with the meeting's date,
 * after the year's end and not in the future). Posts the appropriation once: Dr 3-3100 SHU tahun
 * berjalan for the whole SHU, Cr 3-2100 cadangan for the reserve's pool, Cr 2-1300 dana SHU yang
 * belum dibagi for every other pool. The run goes draft → approving (claimed at the version read)
 * → approved (audited); a claim left by a crash is finished by the same person approving again.
 */
export async function approveShu(
  deps: LedgerDeps,
  principal: Principal,
  cooperativeId: string,
  year: number,
  ratDate: string,
): Promise<ShuRun> {
  requireKetuaOrBendahara(principal, cooperativeId);
  const at = now(deps);
  if (ratDate <= `${year}-12-31`)
    throw new ValidationError([{ field: 'ratDate', message: `must be after the end of ${year}` }]);
  if (ratDate > jakartaDay(at))
    throw new ValidationError([{ field: 'ratDate', message: 'must not be in the future' }]);
  const run = await deps.shu.findRun(cooperativeId, year);
  if (!run) throw shuNotFound(year);
  if (run.status === 'approving' && run.approvedBy !== principal.personId)
    throw shuBusy(year, STATUS_WORDS.approving);
  if (run.status !== 'draft' && run.status !== 'approving') throw shuNotDraft(year, STATUS_WORDS[run.status]);
  if (run.shu < 0) throw shuLoss(year, run.shu);
  if (run.shu === 0) throw shuNothingToShare(year);
  const claimed =
    run.status === 'approving'
      ? run
      : await deps.shu.transition(
          cooperativeId,
          year,
          'draft',
          run.version,
          { status: 'approving', approvedBy: principal.personId, ratDate },
          [],
        );
  if (!claimed) throw shuChanged(year);
  const { cadangan, undistributed } = appropriationOf(claimed);
  const ev = {
    eventId: `shu-approve-${cooperativeId}-${year}`,
    cooperativeId,
    occurredAt: at.toISOString(),
    type: 'shu_allocated' as const,
    year,
    cadangan,
    undistributed,
  };
  const entry = await postShuEntry(
    deps,
    ev,
    `${postingFor(ev).memo}, disahkan RAT ${claimed.ratDate}`,
    principal.personId,
  );
  const audit = auditEvent({
    cooperativeId,
    principal,
    action: 'ledger.shu.approved',
    target: { type: 'shu', id: `${cooperativeId}:${year}` },
    before: { status: 'draft' },
    after: { status: 'approved', ratDate: claimed.ratDate, shu: claimed.shu, entryId: entry.entryId },
    at,
  });
  const approved = await deps.shu.transition(
    cooperativeId,
    year,
    'approving',
    claimed.version,
    { status: 'approved', approvedAt: at.toISOString(), approvalEntryId: entry.entryId },
    [audit],
  );
  if (!approved) throw shuChanged(year);
  deps.onEventsWritten?.('shu', `${cooperativeId}:${year}`);
  deps.logger.info({ cooperativeId, year, entryId: entry.entryId, period: entry.period }, 'shu approved');
  return approved;
}
