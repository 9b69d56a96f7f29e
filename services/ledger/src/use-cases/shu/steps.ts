import type { BusinessEvent } from '../../domain/business-event';
import { postingFor } from '../../domain/posting';
import type { ShuStatus } from '../../domain/shu-run';
import type { LedgerDeps } from '../ports';
import { postEntry } from '../post-entry';

/** How a status reads in a refusal (Bahasa Indonesia, as every message of the ledger). */
export const STATUS_WORDS: Record<ShuStatus, string> = {
  draft: 'draf',
  approving: 'sedang disahkan',
  approved: 'disahkan RAT',
  distributing: 'sedang dibagikan',
  distributed: 'dibagikan',
};

/**
 * Posts an SHU step's one entry (`je_<eventId>`, so a repeated step posts nothing), booked at the
 * step's own time: today's month is open (only ended months can be closed), and were it not, the
 * entry would go to the first open month after it like any late posting.
 */
export async function postShuEntry(deps: LedgerDeps, ev: BusinessEvent, memo: string, approvedBy: string) {
  const { kind, lines } = postingFor(ev);
  const { entry } = await postEntry(
    deps,
    {
      entryId: `je_${ev.eventId}`,
      cooperativeId: ev.cooperativeId,
      occurredAt: ev.occurredAt,
      sourceId: ev.eventId,
      kind,
      memo,
      lines,
      approvedBy,
    },
    { whenClosed: 'next-open' },
  );
  return entry;
}
