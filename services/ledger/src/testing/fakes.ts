import type { BoardPosition, CooperativeRole, Envelope } from '@pasar/contracts';
import type { JournalLine } from '../domain/journal';
import { createLogger } from '@pasar/events';
import { createTestIssuer } from '@pasar/service-kit/testing';
import { type AppDeps, createApp } from '../app';
import type { ShuRun, ShuStatus } from '../domain/shu-run';
import type {
  AllocationRecord,
  ConsignmentOrder,
  JournalRepository,
  ManualEntry,
  ManualEntryRepository,
  MemberReadModels,
  MemberRecord,
  PeriodRecord,
  PeriodRepository,
  ReadModels,
  SavingsRecord,
  ShuRepository,
  StoredEntry,
  TransactionRecord,
  TransactionSum,
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

/** The members, savings and transactions read models in memory, upserts keyed as the mongo ones. */
export class FakeMemberReadModels implements MemberReadModels {
  readonly memberRows = new Map<string, MemberRecord>();
  readonly savings = new Map<string, SavingsRecord>();
  readonly transactions = new Map<string, TransactionRecord>();
  async recordMember(m: MemberRecord) {
    const before = this.memberRows.get(m.memberId);
    this.memberRows.set(m.memberId, { ...m, personId: m.personId ?? before?.personId ?? null });
  }
  async linkAccount(cooperativeId: string, memberId: string, personId: string) {
    const m = this.memberRows.get(memberId);
    if (!m || m.cooperativeId !== cooperativeId) return false;
    m.personId = personId;
    return true;
  }
  async members(cooperativeId: string) {
    return [...this.memberRows.values()]
      .filter((m) => m.cooperativeId === cooperativeId)
      .sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
      .map((m) => ({ ...m }));
  }
  async memberByPerson(cooperativeId: string, personId: string) {
    const m = [...this.memberRows.values()].find(
      (x) => x.cooperativeId === cooperativeId && x.personId === personId,
    );
    return m ? { ...m } : null;
  }
  async recordSavings(r: SavingsRecord) {
    this.savings.set(r.eventId, { ...r });
  }
  async recordTransaction(r: TransactionRecord) {
    this.transactions.set(r.id, { ...r });
  }
  async savingsBalances(cooperativeId: string, to: string) {
    const out = new Map<string, { pokok: number; wajib: number; sukarela: number }>();
    for (const r of this.savings.values()) {
      if (r.cooperativeId !== cooperativeId || r.period > to) continue;
      const b = out.get(r.memberId) ?? { pokok: 0, wajib: 0, sukarela: 0 };
      b[r.kind] += r.amount;
      out.set(r.memberId, b);
    }
    return out;
  }
  async transactionSums(cooperativeId: string, from: string, to: string) {
    const sums = new Map<string, TransactionSum>();
    for (const r of this.transactions.values()) {
      if (r.cooperativeId !== cooperativeId || r.period < from || r.period > to) continue;
      const key = JSON.stringify([r.kind, r.personId, r.memberId, r.period]);
      const s = sums.get(key) ?? {
        kind: r.kind,
        personId: r.personId,
        memberId: r.memberId,
        period: r.period,
        amount: 0,
      };
      s.amount += r.amount;
      sums.set(key, s);
    }
    return [...sums.values()];
  }
}

/** SHU allocations and runs in memory, with the repository's guarded transitions. */
export class FakeShu implements ShuRepository {
  readonly allocations = new Map<string, AllocationRecord>();
  readonly runs = new Map<string, ShuRun>();
  readonly events: Envelope[] = [];
  async allocation(cooperativeId: string) {
    const a = this.allocations.get(cooperativeId);
    return a ? structuredClone(a) : null;
  }
  async putAllocation(record: AllocationRecord, events: Envelope[]) {
    this.allocations.set(record.cooperativeId, structuredClone(record));
    this.events.push(...events);
  }
  async findRun(cooperativeId: string, year: number) {
    const r = this.runs.get(`${cooperativeId}:${year}`);
    return r ? structuredClone(r) : null;
  }
  async listRuns(cooperativeId: string) {
    return [...this.runs.values()]
      .filter((r) => r.cooperativeId === cooperativeId)
      .sort((a, b) => b.year - a.year)
      .map((r) => ({ year: r.year, status: r.status, shu: r.shu, ratDate: r.ratDate }));
  }
  async saveDraft(run: ShuRun, events: Envelope[]) {
    const id = `${run.cooperativeId}:${run.year}`;
    const stored = this.runs.get(id);
    if (run.version === 1 ? stored : stored?.status !== 'draft' || stored.version !== run.version - 1)
      return false;
    this.runs.set(id, structuredClone(run));
    this.events.push(...events);
    return true;
  }
  async transition(
    cooperativeId: string,
    year: number,
    from: ShuStatus,
    version: number,
    set: Partial<ShuRun>,
    events: Envelope[],
  ) {
    const r = this.runs.get(`${cooperativeId}:${year}`);
    if (!r || r.status !== from || r.version !== version) return null;
    Object.assign(r, structuredClone(set), { version: version + 1 });
    this.events.push(...events);
    return structuredClone(r);
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
  const members = new FakeMemberReadModels();
  const shu = new FakeShu();
  const clock = { now: opts.now ?? new Date('2026-03-15T03:00:00Z') };
  const deps: AppDeps = {
    journal,
    periods,
    manualEntries,
    readModels,
    members,
    shu,
    logger: createLogger('ledger-test', 'silent'),
    clock: () => clock.now,
    verifier: issuer.verifier('ledger'),
  };
  return { app: createApp(deps), deps, journal, periods, manualEntries, readModels, members, shu, clock };
}

export const json = async (res: Response) => (await res.json()) as any;
