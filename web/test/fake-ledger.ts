import type { JournalEntry, LedgerPeriod, ManualEntry } from '~/utils/books';
import type { FakePerson } from './fixtures';

/**
 * An in-memory stand-in for the ledger service (4005, services/ledger): its access rules (readers
 * pengurus + pengawas, the bendahara records, a second pengurus approves, dinas reads the aggregate),
 * its refusals with their codes, and answers shaped as its OpenAPI document says (the web checks them).
 * Only what the books pages call.
 */
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number, code: string, details?: unknown) =>
  json(status, { code, message: code, details, requestId: 'req_test' });

const CHART = [
  { code: '1-1100', name: 'Kas', nameEn: 'Cash', class: 'aset' },
  { code: '1-1200', name: 'Bank', nameEn: 'Bank', class: 'aset' },
  { code: '4-1100', name: 'Penjualan barang', nameEn: 'Sales of goods', class: 'pendapatan' },
  { code: '5-2100', name: 'Beban listrik dan air', nameEn: 'Electricity and water', class: 'beban' },
  { code: '5-2200', name: 'Beban operasional lain', nameEn: 'Other operating expenses', class: 'beban' },
] as const;

export interface LedgerCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  personId: string | null;
}

export function fakeLedger(people: () => Map<string, FakePerson>, current: () => string) {
  const manual = new Map<string, ManualEntry>();
  const journal = new Map<string, JournalEntry>();
  const periods = new Map<string, LedgerPeriod>();
  const calls: LedgerCall[] = [];
  let n = 0;

  const periodOf = (iso: string) => {
    const wib = new Date(Date.parse(iso) + 7 * 3_600_000);
    return wib.toISOString().slice(0, 7);
  };
  const isClosed = (coop: string, period: string) => periods.get(`${coop}:${period}`)?.status === 'closed';

  function post(entry: Omit<JournalEntry, 'period' | 'postedAt'>): JournalEntry {
    const period = periodOf(entry.occurredAt);
    const stored = { ...entry, period, postedAt: new Date().toISOString() };
    journal.set(entry.entryId, stored);
    const key = `${entry.cooperativeId}:${period}`;
    const p = periods.get(key);
    periods.set(key, {
      cooperativeId: entry.cooperativeId,
      period,
      status: 'open',
      admitted: (p?.admitted ?? 0) + 1,
      closedBy: null,
      closedAt: null,
    });
    return stored;
  }

  function incomeStatement(coop: string, from: string, to: string) {
    const rows = new Map<string, { debit: number; credit: number }>();
    for (const e of journal.values())
      if (e.cooperativeId === coop && e.period >= from && e.period <= to)
        for (const l of e.lines) {
          const r = rows.get(l.account) ?? { debit: 0, credit: 0 };
          r.debit += l.debit;
          r.credit += l.credit;
          rows.set(l.account, r);
        }
    const of = (cls: 'pendapatan' | 'beban') =>
      CHART.filter((a) => a.class === cls && rows.has(a.code)).map((a) => {
        const r = rows.get(a.code) ?? { debit: 0, credit: 0 };
        return {
          code: a.code,
          name: a.name,
          class: a.class,
          ...r,
          balance: cls === 'beban' ? r.debit - r.credit : r.credit - r.debit,
        };
      });
    const pendapatan = of('pendapatan');
    const beban = of('beban');
    const totalPendapatan = pendapatan.reduce((s, r) => s + r.balance, 0);
    const totalBeban = beban.reduce((s, r) => s + r.balance, 0);
    return {
      cooperativeId: coop,
      from,
      to,
      pendapatan,
      beban,
      totalPendapatan,
      totalBeban,
      shu: totalPendapatan - totalBeban,
    };
  }

  function rangeOf(q: URLSearchParams) {
    const year = q.get('year');
    if (year) return { from: `${year}-01`, to: `${year}-12` };
    const from = q.get('from') ?? q.get('to') ?? current();
    return { from, to: q.get('to') ?? from };
  }

  function handle(method: string, url: URL, headers: Headers, body: Record<string, unknown>): Response {
    const token = headers.get('Authorization')?.replace(/^Bearer /, '') ?? '';
    const [, service, personId] = token.split('.');
    const person = service === 'ledger' && personId ? people().get(personId) : undefined;
    const path = url.pathname;
    calls.push({ method, path, query: url.searchParams, body, personId: person?.personId ?? null });
    if (!person) return error(401, 'AUTH.UNAUTHENTICATED');
    if (path === '/accounts') return json(200, { items: CHART });
    if (path === '/reports/aggregate') {
      if (!person.platform.includes('dinas')) return error(403, 'AUTH.FORBIDDEN');
      const year = url.searchParams.get('year') ?? '';
      const coops = [...new Set([...journal.values()].map((e) => e.cooperativeId))].sort();
      const cooperatives = coops.map((c) => ({
        cooperativeId: c,
        sales: 0,
        shu: incomeStatement(c, `${year}-01`, `${year}-12`).shu,
        savings: { pokok: 0, wajib: 0, sukarela: 0, total: 0 },
      }));
      return json(200, {
        year: Number(year),
        cooperatives,
        totals: {
          cooperatives: cooperatives.length,
          sales: 0,
          shu: cooperatives.reduce((s, c) => s + c.shu, 0),
          savings: 0,
        },
      });
    }
    const m = path.match(/^\/cooperatives\/([^/]+)(\/.*)$/);
    if (!m) return error(404, 'HTTP.NOT_FOUND');
    const [, coop = '', rest = ''] = m;
    const grant = person.grants.find((g) => g.cooperativeId === coop);
    const reader = grant?.roles.some((r) => r === 'pengurus' || r === 'pengawas') ?? false;
    const pengurus = grant?.roles.includes('pengurus') ?? false;
    const bendahara = pengurus && grant?.position === 'bendahara';
    if (!reader) return error(403, 'AUTH.FORBIDDEN');

    if (rest === '/manual-entries' && method === 'GET')
      return json(200, {
        items: [...manual.values()].filter((e) => e.cooperativeId === coop).reverse(),
      });
    if (rest === '/manual-entries' && method === 'POST') {
      if (!bendahara) return error(403, 'AUTH.FORBIDDEN');
      const lines = body.lines as ManualEntry['lines'];
      const debit = lines.reduce((s, l) => s + l.debit, 0);
      const credit = lines.reduce((s, l) => s + l.credit, 0);
      if (debit !== credit || debit === 0)
        return error(400, 'VALIDATION.FAILED', { issues: [{ field: 'lines', message: 'harus sama' }] });
      const period = periodOf(String(body.occurredAt));
      if (isClosed(coop, period)) return error(409, 'LEDGER.PERIOD_CLOSED', { period });
      n += 1;
      const entry: ManualEntry = {
        id: `me_${String(n).padStart(22, '0')}`,
        cooperativeId: coop,
        memo: String(body.memo),
        occurredAt: new Date(String(body.occurredAt)).toISOString(),
        lines,
        status: 'pending',
        proposedBy: person.personId,
        proposedAt: new Date().toISOString(),
        decidedBy: null,
        decidedAt: null,
        rejectReason: null,
        entryId: null,
      };
      manual.set(entry.id, entry);
      return json(201, entry);
    }
    let d = rest.match(/^\/manual-entries\/([^/]+)\/(approve|reject)$/);
    if (d && method === 'POST') {
      if (!pengurus) return error(403, 'AUTH.FORBIDDEN');
      const entry = manual.get(d[1] ?? '');
      if (!entry || entry.cooperativeId !== coop) return error(404, 'LEDGER.MANUAL_ENTRY_NOT_FOUND');
      if (d[2] === 'approve' && entry.proposedBy === person.personId)
        return error(403, 'LEDGER.SECOND_PENGURUS_REQUIRED');
      if (entry.status !== 'pending')
        return error(409, 'LEDGER.MANUAL_ENTRY_DECIDED', { status: entry.status });
      const month = periodOf(entry.occurredAt);
      if (d[2] === 'approve' && isClosed(coop, month))
        return error(409, 'LEDGER.PERIOD_CLOSED', { period: month });
      const decided = { decidedBy: person.personId, decidedAt: new Date().toISOString() };
      if (d[2] === 'reject') {
        Object.assign(entry, decided, { status: 'rejected', rejectReason: String(body.reason) });
        return json(200, entry);
      }
      const posted = post({
        entryId: `je_${entry.id}`,
        cooperativeId: coop,
        occurredAt: entry.occurredAt,
        sourceId: entry.id,
        kind: 'manual',
        memo: entry.memo,
        lines: entry.lines,
        reverses: null,
        lateFor: null,
        proposedBy: entry.proposedBy,
        approvedBy: person.personId,
      });
      Object.assign(entry, decided, { status: 'approved', entryId: posted.entryId });
      return json(200, entry);
    }
    d = rest.match(/^\/journal\/([^/]+)(\/reverse)?$/);
    if (d) {
      const id = decodeURIComponent(d[1] ?? '');
      const entry = journal.get(id);
      if (!entry || entry.cooperativeId !== coop) return error(404, 'LEDGER.ENTRY_NOT_FOUND');
      if (!d[2]) return json(200, entry);
      if (!bendahara) return error(403, 'AUTH.FORBIDDEN');
      if (entry.kind === 'reversal') return error(409, 'LEDGER.REVERSAL_NOT_REVERSIBLE');
      const reversalId = `je_reversal-of-${id}`;
      if (journal.has(reversalId)) return error(409, 'LEDGER.ALREADY_REVERSED', { reversal: reversalId });
      const reversal = post({
        entryId: reversalId,
        cooperativeId: coop,
        occurredAt: new Date().toISOString(),
        sourceId: `reversal-of-${id}`,
        kind: 'reversal',
        memo: String(body.memo),
        lines: entry.lines.map((l) => ({ account: l.account, debit: l.credit, credit: l.debit })),
        reverses: id,
        lateFor: null,
        proposedBy: null,
        approvedBy: person.personId,
      });
      return json(201, reversal);
    }
    if (rest === '/periods' && method === 'GET')
      return json(200, {
        items: [...periods.values()]
          .filter((p) => p.cooperativeId === coop)
          .sort((a, b) => (a.period < b.period ? -1 : 1)),
      });
    d = rest.match(/^\/periods\/([^/]+)\/close$/);
    if (d && method === 'POST') {
      if (!bendahara) return error(403, 'AUTH.FORBIDDEN');
      const requested = d[1] ?? '';
      const months =
        requested.length === 4
          ? Array.from({ length: 12 }, (_, i) => `${requested}-${String(i + 1).padStart(2, '0')}`)
          : [requested];
      if ((months[months.length - 1] ?? '') >= current())
        return error(409, 'LEDGER.PERIOD_NOT_ENDED', { period: requested });
      const items = months.map((period) => {
        const key = `${coop}:${period}`;
        const was = periods.get(key);
        const closed: LedgerPeriod =
          was?.status === 'closed'
            ? was
            : {
                cooperativeId: coop,
                period,
                status: 'closed',
                admitted: was?.admitted ?? 0,
                closedBy: person.personId,
                closedAt: new Date().toISOString(),
              };
        periods.set(key, closed);
        return closed;
      });
      return json(200, { items });
    }
    d = rest.match(/^\/reports\/(income-statement|journal|trial-balance|balance-sheet|general-ledger\/.+)$/);
    if (d && method === 'GET') {
      const { from, to } = rangeOf(url.searchParams);
      const format = url.searchParams.get('format') ?? 'json';
      if (format === 'csv')
        return new Response(`Kode,Akun,Jumlah\r\n5-2100,Beban listrik dan air,350000\r\n`, {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="laba-rugi-${coop}-${from}.csv"`,
          },
        });
      if (format === 'pdf')
        return new Response('%PDF-1.4 fake', {
          headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline; filename="x.pdf"' },
        });
      if (d[1] === 'income-statement') return json(200, incomeStatement(coop, from, to));
    }
    return error(404, 'HTTP.NOT_FOUND');
  }

  return { handle, calls, manual, journal, periods };
}

export type FakeLedger = ReturnType<typeof fakeLedger>;
