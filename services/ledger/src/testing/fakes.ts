import type { BoardPosition, CooperativeRole, Envelope } from '@pasar/contracts';
import type { JournalLine } from '../domain/journal';
import { createLogger } from '@pasar/events';
import { createTestIssuer } from '@pasar/service-kit/testing';
import { type AppDeps, createApp } from '../app';
import type {
  ConsignmentOrder,
  JournalRepository,
  ManualEntry,
  ManualEntryRepository,
  PeriodRecord,
  PeriodRepository,
  ReadModels,
  StoredEntry,
} from '../use-cases/ports';

/** In-memory journal with the mongo repository's contract: insert-only, one entry per id. */
export class FakeJournal implements JournalRepository {
  readonly rows = new Map<string, StoredEntry>();
  readonly events: Envelope[] = [];
  async insert(entry: StoredEntry, events: Envelope[]) {
    if (this.rows.has(entry.entryId)) return 'duplicate' as const;
    this.rows.set(entry.entryId, structuredClone(entry));
    this.events.push(...events);
    return 'inserted' as const;
  }
  async findById(entryId: string) {
    const e = this.rows.get(entryId);
    return e ? structuredClone(e) : null;
  }
  async list(q: { cooperativeId?: string; from?: string; to: string }) {
    return [...this.rows.values()]
      .filter(
        (e) =>
          (!q.cooperativeId || e.cooperativeId === q.cooperativeId) &&
          (!q.from || e.period >= q.from) &&
          e.period <= q.to,
      )
      .map((e) => structuredClone(e));
  }
}

export class FakePeriods implements PeriodRepository {
  readonly rows = new Map<string, PeriodRecord>();
  readonly events: Envelope[] = [];
  private get(cooperativeId: string, period: string) {
    const id = `${cooperativeId}:${period}`;
    let row = this.rows.get(id);
    if (!row) {
      row = { cooperativeId, period, status: 'open', admitted: 0, closedBy: null, closedAt: null };
      this.rows.set(id, row);
    }
    return row;
  }
  async admit(cooperativeId: string, period: string) {
    const row = this.get(cooperativeId, period);
    if (row.status === 'closed') return null;
    row.admitted += 1;
    return row.admitted;
  }
  async close(cooperativeId: string, period: string, by: string, at: Date, events: Envelope[]) {
    const row = this.get(cooperativeId, period);
    if (row.status === 'closed') return null;
    Object.assign(row, { status: 'closed', closedBy: by, closedAt: at.toISOString() });
    this.events.push(...events);
    return { ...row };
  }
  async find(cooperativeId: string, period: string) {
    const row = this.rows.get(`${cooperativeId}:${period}`);
    return row ? { ...row } : null;
  }
  readonly savedTotals = new Map<string, JournalLine[]>();
  async setTotals(cooperativeId: string, period: string, totals: JournalLine[]) {
    if (this.rows.get(`${cooperativeId}:${period}`)?.status === 'closed')
      this.savedTotals.set(`${cooperativeId}:${period}`, structuredClone(totals));
  }
  async totals(cooperativeId: string) {
    return new Map(
      [...this.savedTotals]
        .filter(([id]) => id.startsWith(`${cooperativeId}:`))
        .map(([id, t]) => [id.slice(cooperativeId.length + 1), structuredClone(t)]),
    );
  }
  async list(cooperativeId: string) {
    return [...this.rows.values()]
      .filter((r) => r.cooperativeId === cooperativeId)
      .sort((a, b) => (a.period < b.period ? -1 : 1))
      .map((r) => ({ ...r }));
  }
}

export class FakeManualEntries implements ManualEntryRepository {
  readonly rows = new Map<string, ManualEntry>();
  readonly events: Envelope[] = [];
  async insert(entry: ManualEntry, events: Envelope[]) {
    this.rows.set(entry.id, structuredClone(entry));
    this.events.push(...events);
  }
  async findById(id: string) {
    const e = this.rows.get(id);
    return e ? structuredClone(e) : null;
  }
  async transition(
    id: string,
    from: readonly ManualEntry['status'][],
    set: Partial<ManualEntry>,
    events: Envelope[],
  ) {
    const e = this.rows.get(id);
    if (!e || !from.includes(e.status)) return false;
    Object.assign(e, structuredClone(set));
    this.events.push(...events);
    return true;
  }
  async list(cooperativeId: string, status?: ManualEntry['status']) {
    return [...this.rows.values()]
      .filter((e) => e.cooperativeId === cooperativeId && (!status || e.status === status))
      .map((e) => structuredClone(e));
  }
}

export class FakeReadModels implements ReadModels {
  readonly payments = new Map<string, string>();
  readonly orders = new Map<string, ConsignmentOrder>();
  async rememberPayment(paymentId: string, provider: string) {
    this.payments.set(paymentId, provider);
  }
  async paymentProvider(paymentId: string) {
    return this.payments.get(paymentId) ?? null;
  }
  private order(cooperativeId: string, orderId: string) {
    let o = this.orders.get(orderId);
    if (!o) {
      o = { orderId, cooperativeId, handedOverAt: null, sales: [], undone: [] };
      this.orders.set(orderId, o);
    }
    return o;
  }
  async recordHandover(cooperativeId: string, orderId: string, at: string) {
    const o = this.order(cooperativeId, orderId);
    o.handedOverAt = at;
    return structuredClone(o);
  }
  async recordConsignmentSale(
    cooperativeId: string,
    orderId: string,
    sale: ConsignmentOrder['sales'][number],
  ) {
    const o = this.order(cooperativeId, orderId);
    if (!o.sales.some((s) => JSON.stringify(s) === JSON.stringify(sale))) o.sales.push({ ...sale });
    return structuredClone(o);
  }
  async recordConsignmentUndone(cooperativeId: string, orderId: string, sellerId: string) {
    const o = this.order(cooperativeId, orderId);
    if (!o.undone.includes(sellerId)) o.undone.push(sellerId);
    return structuredClone(o);
  }
}

/** Signs access tokens exactly as membership does; the fake app verifies against its keys. */
export const issuer = await createTestIssuer();

/** `Authorization` for a person holding `roles` in `cooperativeId` (with a board position for pengurus). */
export async function staffHeaders(
  cooperativeId: string,
  roles: CooperativeRole[],
  opts: { position?: BoardPosition; personId?: string } = {},
) {
  const personId = opts.personId ?? `per_${cooperativeId}_${roles.join('_')}_${opts.position ?? ''}`;
  const grant = { cooperativeId, roles, ...(opts.position ? { position: opts.position } : {}) };
  return {
    authorization: `Bearer ${await issuer.token({ personId, grants: [grant] }, { service: 'ledger' })}`,
  };
}

export const dinasHeaders = async () => ({
  authorization: `Bearer ${await issuer.token({ personId: 'per_dinas', platform: ['dinas'] }, { service: 'ledger' })}`,
});

export function fakeApp(opts: { now?: Date } = {}) {
  const journal = new FakeJournal();
  const periods = new FakePeriods();
  const manualEntries = new FakeManualEntries();
  const readModels = new FakeReadModels();
  const clock = { now: opts.now ?? new Date('2026-03-15T03:00:00Z') };
  const deps: AppDeps = {
    journal,
    periods,
    manualEntries,
    readModels,
    logger: createLogger('ledger-test', 'silent'),
    clock: () => clock.now,
    verifier: issuer.verifier('ledger'),
  };
  return { app: createApp(deps), deps, journal, periods, manualEntries, readModels, clock };
}

export const json = async (res: Response) => (await res.json()) as any;
