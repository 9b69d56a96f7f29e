import { auditEvent, type Principal } from '@pasar/service-kit';
import { periodNotEnded } from '../domain/errors';
import { type Period, periodOf } from '../domain/journal';
import { type LedgerDeps, now, type PeriodRecord } from './ports';

/** `YYYY-MM` is one month; `YYYY` is the year: its twelve months. */
export function monthsOf(period: string): Period[] {
  if (/^\d{4}$/.test(period))
    return Array.from({ length: 12 }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);
  return [period];
}

/**
 * The bendahara closes a month (or a year) that has ended: from then on it refuses manual entries
 * and late events go to the next open month. Months already closed stay as they were; the answer
 * lists every month of the request with its state.
 */
export async function closePeriod(
  deps: LedgerDeps,
  principal: Principal,
  cooperativeId: string,
  period: string,
): Promise<PeriodRecord[]> {
  const at = now(deps);
  const current = periodOf(at);
  const months = monthsOf(period);
  const last = months[months.length - 1] as Period;
  if (last >= current) throw periodNotEnded(period);
  const out: PeriodRecord[] = [];
  for (const month of months) {
    const audit = auditEvent({
      cooperativeId,
      principal,
      action: 'ledger.period.closed',
      target: { type: 'period', id: `${cooperativeId}:${month}` },
      before: { status: 'open' },
      after: { status: 'closed' },
      at,
    });
    const closed = await deps.periods.close(cooperativeId, month, principal.personId, at, [audit]);
    if (closed) deps.onEventsWritten?.('periods', `${cooperativeId}:${month}`);
    const record = closed ?? (await deps.periods.find(cooperativeId, month));
    if (record) out.push(record);
  }
  return out;
}
