import type { BusinessEvent } from '../domain/business-event';
import { postingFor } from '../domain/posting';
import type { LedgerDeps } from './ports';
import { postEntry } from './post-entry';

/**
 * The books hear a business event: its one entry (`je_<event id>`), booked once however often the
 * event arrives; a late event (its month closed) goes to the first open period with `lateFor`.
 */
export async function recordBusinessEvent(deps: LedgerDeps, ev: BusinessEvent) {
  const { kind, memo, lines } = postingFor(ev);
  const result = await postEntry(
    deps,
    {
      entryId: `je_${ev.eventId}`,
      cooperativeId: ev.cooperativeId,
      occurredAt: ev.occurredAt,
      sourceId: ev.eventId,
      kind,
      memo,
      lines,
    },
    { whenClosed: 'next-open' },
  );
  if (result.posted)
    deps.logger.debug(
      { entryId: result.entry.entryId, kind, period: result.entry.period, lateFor: result.entry.lateFor },
      'posted',
    );
  return result;
}
