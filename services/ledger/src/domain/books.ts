import type { BusinessEvent } from './business-event';
import { bookingPeriod, type JournalEntry, type Period, periodOf, reversalOf } from './journal';
import { postingFor } from './posting';

/**
 * One cooperative's journal as the rules say it behaves, whatever stores it: one entry per source
 * event (a redelivered event posts nothing), never edited or deleted, closed periods refuse
 * postings (a late event goes to the first open period with a reference), corrections are
 * reversing entries. The service's repository keeps the same rules with a unique index on
 * (cooperativeId, sourceId) and guarded single-document writes; this in-memory form is what the
 * property tests exercise.
 */
export class Books {
  private readonly bySource = new Map<string, JournalEntry>();
  private readonly closed = new Set<Period>();

  constructor(readonly cooperativeId: string) {}

  /** Posts the event's entry once; returns it, or the one already posted for that event. */
  post(ev: BusinessEvent): JournalEntry {
    if (ev.cooperativeId !== this.cooperativeId) throw new Error('event of another cooperative');
    const existing = this.bySource.get(ev.eventId);
    if (existing) return existing;
    const { kind, memo, lines } = postingFor(ev);
    const at = bookingPeriod(periodOf(ev.occurredAt), (p) => this.closed.has(p));
    const entry: JournalEntry = {
      entryId: `je_${ev.eventId}`,
      cooperativeId: this.cooperativeId,
      ...at,
      occurredAt: ev.occurredAt,
      sourceId: ev.eventId,
      kind,
      memo,
      lines,
    };
    this.bySource.set(ev.eventId, entry);
    return entry;
  }

  /** A correction: the reversing entry of `entryId`, once (reversing twice returns the first). */
  reverse(entryId: string, memo: string, occurredAt: string): JournalEntry {
    const original = [...this.bySource.values()].find((e) => e.entryId === entryId);
    if (!original) throw new Error(`no entry ${entryId}`);
    if (original.kind === 'reversal') throw new Error('a reversal is not reversed: post a new entry');
    const sourceId = `reversal-of-${entryId}`;
    const existing = this.bySource.get(sourceId);
    if (existing) return existing;
    const at = bookingPeriod(periodOf(occurredAt), (p) => this.closed.has(p));
    const entry = reversalOf(original, {
      entryId: `je_${sourceId}`,
      sourceId,
      occurredAt,
      memo,
      period: at.period,
    });
    this.bySource.set(sourceId, entry);
    return entry;
  }

  close(period: Period): void {
    this.closed.add(period);
  }

  isClosed(period: Period): boolean {
    return this.closed.has(period);
  }

  entries(): JournalEntry[] {
    return [...this.bySource.values()];
  }
}
