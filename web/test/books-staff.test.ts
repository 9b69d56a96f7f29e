import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loader as accountLoader } from '~/routes/akun._index/route';
import { loader as dinasLoader } from '~/routes/dinas._index/route';
import { loader as shellLoader } from '~/routes/kelola.$slug/route';
import { loader as overviewLoader } from '~/routes/kelola.$slug.buku._index/route';
import { loader as incomeLoader } from '~/routes/kelola.$slug.buku.laba-rugi/route';
import { loader as downloadLoader } from '~/routes/kelola.$slug.buku_.unduh/route';
import { action as journalAction, loader as journalLoader } from '~/routes/kelola.$slug.jurnal/route';
import { action as entryAction, loader as entryLoader } from '~/routes/kelola.$slug.jurnal_.$entryId/route';
import { action as periodsAction, loader as periodsLoader } from '~/routes/kelola.$slug.periode/route';
import { type IncomeStatementReport, type ManualEntry, periodName } from '~/utils/books';
import { resetBooksForTests } from '~/utils/books.server';
import { jakartaToday } from '~/utils/datetime';
import { formatRupiah } from '~/utils/money';
import { fakeLedger } from './fake-ledger';
import { BENDAHARA, type FakePerson, KASIR, KETUA, PENGAWAS } from './fixtures';
import { args, get, post, run } from './route-helpers';
import { installFakeServices, signInAs } from './setup-services';

const services = installFakeServices();
const slug = 'karangbesuki';
const today = jakartaToday();
const thisMonth = today.slice(0, 7);
const lastMonth = (() => {
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();
const DINAS: FakePerson = {
  personId: 'per_dinas_malang',
  name: 'Ibu Kartika',
  phone: '+6281100000099',
  password: 'sandi-dinas-malang',
  grants: [],
  platform: ['dinas'],
};

let ledger = fakeLedger(
  () => services.current.people,
  () => thisMonth,
);
beforeEach(() => {
  resetBooksForTests();
  ledger = fakeLedger(
    () => services.current.people,
    () => thisMonth,
  );
  for (const p of [BENDAHARA, DINAS]) services.current.people.set(p.personId, structuredClone(p));
  const others = services.current.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.port !== '4005') return others(input, init);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : {};
    return ledger.handle((init.method ?? 'GET').toUpperCase(), url, new Headers(init.headers), body);
  });
});

const base = `/kelola/${slug}`;
const ledgerCalls = (method?: string) => ledger.calls.filter((c) => !method || c.method === method);

const ELECTRICITY = {
  intent: 'propose',
  memo: 'Listrik gerai bulan ini',
  occurredAt: today,
  'line-0-account': '5-2100',
  'line-0-debit': '350.000',
  'line-0-credit': '',
  'line-1-account': '1-1100',
  'line-1-debit': '',
  'line-1-credit': 'Rp 350.000',
  'line-2-account': '',
  'line-2-debit': '',
  'line-2-credit': '',
};

interface Failure {
  errors: Record<string, unknown>;
  values: Record<string, string>;
}

async function propose(cookie: string, fields: Record<string, string> = ELECTRICITY) {
  return run<Failure>(() => journalAction(args(post(`${base}/jurnal`, fields, cookie), { slug })));
}
async function decide(cookie: string, fields: Record<string, string>) {
  return run<Failure>(() => journalAction(args(post(`${base}/jurnal`, fields, cookie), { slug })));
}
async function proposed(): Promise<ManualEntry> {
  const res = await propose(await signInAs(BENDAHARA));
  expect(res.status).toBe(302);
  const [entry] = [...ledger.manual.values()];
  if (!entry) throw new Error('no manual entry');
  return entry;
}

describe('the books in the staff menu', () => {
  it('open for the pengurus and the pengawas; the kasir gets 404 and the ledger is not asked', async () => {
    const sections = async (cookie: string) =>
      (await run<{ sections: string[] }>(() => shellLoader(args(get(base, cookie), { slug })))).data.sections;
    expect(await sections(await signInAs(PENGAWAS))).toEqual(
      expect.arrayContaining(['buku', 'jurnal', 'periode']),
    );
    expect(await sections(await signInAs(KASIR))).not.toContain('buku');
    const kasir = await signInAs(KASIR);
    for (const load of [
      () => journalLoader(args(get(`${base}/jurnal`, kasir), { slug })),
      () => periodsLoader(args(get(`${base}/periode`, kasir), { slug })),
      () => incomeLoader(args(get(`${base}/buku/laba-rugi`, kasir), { slug })),
    ])
      expect((await run(load)).status).toBe(404);
    expect(ledger.calls).toHaveLength(0);
  });
});

describe('manual entries', () => {
  it('the bendahara proposes balanced lines: whole rupiah, noon WIB of the day, back to the list', async () => {
    const res = await propose(await signInAs(BENDAHARA));
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`${base}/jurnal`);
    const [call] = ledgerCalls('POST');
    expect(call?.path).toBe(`/cooperatives/${slug}/manual-entries`);
    expect(call?.body).toEqual({
      memo: 'Listrik gerai bulan ini',
      occurredAt: `${today}T12:00:00+07:00`,
      lines: [
        { account: '5-2100', debit: 350_000, credit: 0 },
        { account: '1-1100', debit: 0, credit: 350_000 },
      ],
    });
  });

  it('an unbalanced or incomplete proposal is answered next to its fields, without asking the ledger', async () => {
    const cookie = await signInAs(BENDAHARA);
    const unbalanced = await propose(cookie, { ...ELECTRICITY, 'line-1-credit': '300000' });
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.data.errors.lines).toEqual({
      key: 'books.lines.unbalanced',
      vars: { debit: formatRupiah(350_000), credit: formatRupiah(300_000) },
    });
    expect(unbalanced.data.values['line-1-credit']).toBe('300000');
    const bad = await propose(cookie, {
      ...ELECTRICITY,
      memo: 'x',
      occurredAt: '2999-01-01',
      'line-1-account': '',
    });
    expect(bad.data.errors).toMatchObject({
      memo: 'books.errors.memo',
      occurredAt: 'errors.dateFuture',
      'line-1-account': 'books.lines.accountRequired',
    });
    expect(ledgerCalls('POST')).toHaveLength(0);
  });

  it('"more lines" gives the form back with two more rows and everything typed', async () => {
    const res = await propose(await signInAs(BENDAHARA), { ...ELECTRICITY, more: 'rows' });
    expect(res.status).toBe(200);
    expect(res.data.errors).toEqual({});
    expect(res.data.values).toMatchObject({
      memo: 'Listrik gerai bulan ini',
      rows: '5',
      'line-0-debit': '350.000',
    });
    expect(ledgerCalls('POST')).toHaveLength(0);
  });

  it('only the bendahara proposes: the ketua and the pengawas are told so, and nothing is sent', async () => {
    for (const person of [KETUA, PENGAWAS]) {
      const res = await propose(await signInAs(person));
      expect(res.status).toBe(403);
      expect(res.data.errors).toEqual({ form: 'books.errors.bendaharaOnly' });
    }
    expect(ledgerCalls('POST')).toHaveLength(0);
    const flags = async (person: FakePerson) => {
      const cookie = await signInAs(person);
      const res = await run<{ canPropose: boolean; canDecide: boolean }>(() =>
        journalLoader(args(get(`${base}/jurnal`, cookie), { slug })),
      );
      return res.data;
    };
    expect(await flags(KETUA)).toMatchObject({ canPropose: false, canDecide: true });
    expect(await flags(PENGAWAS)).toMatchObject({ canPropose: false, canDecide: false });
  });

  it('the proposer sees their entry waiting and cannot approve it: the ledger refusal is worded', async () => {
    const entry = await proposed();
    const cookie = await signInAs(BENDAHARA);
    const page = await run<{ pending: ManualEntry[]; me: string; canDecide: boolean; canPropose: boolean }>(
      () => journalLoader(args(get(`${base}/jurnal`, cookie), { slug })),
    );
    expect(page.data.pending.map((e) => e.proposedBy)).toEqual([page.data.me]);
    expect(page.data).toMatchObject({ canDecide: true, canPropose: true });
    const res = await decide(cookie, { intent: 'approve', manualEntryId: entry.id });
    expect(res.status).toBe(403);
    expect(res.data.errors).toEqual({ form: 'books.errors.secondPengurus' });
    expect(ledger.manual.get(entry.id)?.status).toBe('pending');
  });

  it('a second pengurus approves it and the laba rugi shows it; the pengawas may not decide', async () => {
    const entry = await proposed();
    const pengawas = await signInAs(PENGAWAS);
    const refused = await decide(pengawas, { intent: 'approve', manualEntryId: entry.id });
    expect(refused.status).toBe(403);
    expect(refused.data.errors).toEqual({ form: 'errors.notAllowed' });
    expect(ledgerCalls('POST').filter((c) => c.path.endsWith('/approve'))).toHaveLength(0);

    const approved = await decide(await signInAs(KETUA), { intent: 'approve', manualEntryId: entry.id });
    expect(approved.status).toBe(302);
    expect(ledger.manual.get(entry.id)?.status).toBe('approved');

    const report = await run<{ report: IncomeStatementReport }>(() =>
      incomeLoader(args(get(`${base}/buku/laba-rugi`, pengawas), { slug })),
    );
    expect(report.status).toBe(200);
    expect(report.data.report.beban).toEqual([expect.objectContaining({ code: '5-2100', balance: 350_000 })]);
    expect(report.data.report.shu).toBe(-350_000);
    const asked = ledgerCalls('GET').find((c) => c.path.endsWith('/reports/income-statement'));
    expect(asked?.query.get('year')).toBe(thisMonth.slice(0, 4));
  });

  it('a decided entry, or a rejection without a reason, is answered in words', async () => {
    const entry = await proposed();
    const ketua = await signInAs(KETUA);
    const noReason = await decide(ketua, { intent: 'reject', manualEntryId: entry.id, reason: 'x' });
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors).toEqual({ reason: 'errors.reasonShort' });
    expect(
      (await decide(ketua, { intent: 'reject', manualEntryId: entry.id, reason: 'Nota salah' })).status,
    ).toBe(302);
    const again = await decide(ketua, { intent: 'approve', manualEntryId: entry.id });
    expect(again.status).toBe(409);
    expect(again.data.errors).toEqual({ form: 'books.errors.decided' });
  });
});

describe('reversing an entry', () => {
  it('the bendahara reverses a posted entry once; a second time is refused in words', async () => {
    const entry = await proposed();
    await decide(await signInAs(KETUA), { intent: 'approve', manualEntryId: entry.id });
    const entryId = `je_${entry.id}`;
    const cookie = await signInAs(BENDAHARA);
    const page = await run<{ canReverse: boolean; reversal: unknown }>(() =>
      entryLoader(args(get(`${base}/jurnal/${entryId}`, cookie), { slug, entryId })),
    );
    expect(page.data).toMatchObject({ canReverse: true, reversal: null });
    const reverse = (memo: string) =>
      run<Failure>(() =>
        entryAction(
          args(post(`${base}/jurnal/${entryId}`, { intent: 'reverse', memo }, cookie), { slug, entryId }),
        ),
      );
    expect((await reverse('')).data.errors).toEqual({ memo: 'books.errors.reverseMemo' });
    expect((await reverse('Tagihan tercatat dua kali')).status).toBe(302);
    const twice = await reverse('Sekali lagi');
    expect(twice.status).toBe(409);
    expect(twice.data.errors).toEqual({ form: 'books.errors.alreadyReversed' });
    const after = await run<{ canReverse: boolean; reversal: { entryId: string } }>(() =>
      entryLoader(args(get(`${base}/jurnal/${entryId}`, cookie), { slug, entryId })),
    );
    expect(after.data).toMatchObject({
      canReverse: false,
      reversal: { entryId: `je_reversal-of-${entryId}` },
    });
  });

  it('the pengawas reads the entry without the reverse form; an unknown entry is 404', async () => {
    const entry = await proposed();
    await decide(await signInAs(KETUA), { intent: 'approve', manualEntryId: entry.id });
    const pengawas = await signInAs(PENGAWAS);
    const entryId = `je_${entry.id}`;
    const page = await run<{ canReverse: boolean }>(() =>
      entryLoader(args(get(`${base}/jurnal/${entryId}`, pengawas), { slug, entryId })),
    );
    expect(page.data.canReverse).toBe(false);
    const forged = await run<Failure>(() =>
      entryAction(args(post(`${base}/jurnal/${entryId}`, { memo: 'Coba' }, pengawas), { slug, entryId })),
    );
    expect(forged.status).toBe(403);
    const missing = await run(() =>
      entryLoader(args(get(`${base}/jurnal/je_nope`, pengawas), { slug, entryId: 'je_nope' })),
    );
    expect(missing.status).toBe(404);
    expect(missing.data).toEqual({ reason: 'not-found', what: 'journalEntry' });
  });
});

describe('closing periods', () => {
  const close = async (cookie: string, period: string) =>
    run<Failure>(() =>
      periodsAction(args(post(`${base}/periode`, { intent: 'close', period }, cookie), { slug })),
    );

  it('the bendahara closes a month that has ended; this month is refused with its name', async () => {
    const cookie = await signInAs(BENDAHARA);
    const closed = await close(cookie, lastMonth);
    expect(closed.status).toBe(302);
    expect(ledger.periods.get(`${slug}:${lastMonth}`)?.status).toBe('closed');
    const refused = await close(cookie, thisMonth);
    expect(refused.status).toBe(409);
    expect(refused.data.errors).toEqual({
      form: { key: 'books.errors.periodNotEnded', vars: { period: periodName(thisMonth, 'id') } },
    });
    const page = await run<{
      months: { period: string; status: string; ended: boolean }[];
      canClose: boolean;
    }>(() => periodsLoader(args(get(`${base}/periode?tahun=${lastMonth.slice(0, 4)}`, cookie), { slug })));
    expect(page.data.canClose).toBe(true);
    expect(page.data.months.find((m) => m.period === lastMonth)).toMatchObject({
      status: 'closed',
      ended: true,
    });
  });

  it('only the bendahara closes; the ketua and the pengawas read the months', async () => {
    for (const person of [KETUA, PENGAWAS]) {
      const cookie = await signInAs(person);
      const res = await close(cookie, lastMonth);
      expect(res.status).toBe(403);
      expect(res.data.errors).toEqual({ form: 'books.errors.bendaharaOnly' });
      const page = await run<{ canClose: boolean; months: unknown[] }>(() =>
        periodsLoader(args(get(`${base}/periode`, cookie), { slug })),
      );
      expect(page.data).toMatchObject({ canClose: false });
      expect(page.data.months).toHaveLength(12);
    }
    expect(ledgerCalls('POST')).toHaveLength(0);
  });

  it('a proposal dated in a closed month is refused on its date field', async () => {
    const cookie = await signInAs(BENDAHARA);
    await close(cookie, lastMonth);
    const res = await propose(cookie, { ...ELECTRICITY, occurredAt: `${lastMonth}-15` });
    expect(res.status).toBe(409);
    expect(res.data.errors).toEqual({
      occurredAt: { key: 'books.errors.periodClosed', vars: { period: periodName(lastMonth, 'id') } },
    });
  });

  it('approving an entry whose month closed since it was proposed is refused at the top of its card', async () => {
    const bendahara = await signInAs(BENDAHARA);
    expect((await propose(bendahara, { ...ELECTRICITY, occurredAt: `${lastMonth}-15` })).status).toBe(302);
    await close(bendahara, lastMonth);
    const [entry] = [...ledger.manual.values()];
    const res = await decide(await signInAs(KETUA), { intent: 'approve', manualEntryId: entry?.id ?? '' });
    expect(res.status).toBe(409);
    expect(res.data.errors).toEqual({
      form: { key: 'books.errors.periodClosedApprove', vars: { period: periodName(lastMonth, 'id') } },
    });
  });
});

describe('reports and downloads', () => {
  it('a malformed period is the picker error (400) and no report is asked for', async () => {
    const cookie = await signInAs(PENGAWAS);
    const res = await run<{ errors: Record<string, unknown>; report: unknown }>(() =>
      incomeLoader(args(get(`${base}/buku/laba-rugi?tahun=20x6&bulan=13`, cookie), { slug })),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ tahun: 'books.errors.year', bulan: 'books.errors.month' });
    expect(res.data.report).toBeNull();
    expect(ledger.calls.filter((c) => c.path.includes('/reports/'))).toHaveLength(0);
  });

  it('one month asks the ledger for from=to; the overview asks once per month begun', async () => {
    const cookie = await signInAs(KETUA);
    await run(() => incomeLoader(args(get(`${base}/buku/laba-rugi?tahun=2025&bulan=05`, cookie), { slug })));
    const [one] = ledger.calls.filter((c) => c.path.endsWith('/income-statement'));
    expect([one?.query.get('from'), one?.query.get('to'), one?.query.get('year')]).toEqual([
      '2025-05',
      '2025-05',
      null,
    ]);
    const overview = await run<{ figures: { period: string }[] }>(() =>
      overviewLoader(args(get(`${base}/buku`, cookie), { slug })),
    );
    expect(overview.data.figures.map((f) => f.period).at(-1)).toBe(thisMonth);
    expect(overview.data.figures).toHaveLength(Number(thisMonth.slice(5)));
  });

  it('a report downloads as CSV or PDF with its type, as an attachment, for the pengawas too', async () => {
    const cookie = await signInAs(PENGAWAS);
    const csv = await downloadLoader(
      args(get(`${base}/buku/unduh?laporan=laba-rugi&tahun=2026&bulan=05&format=csv`, cookie), { slug }),
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('Content-Disposition')).toMatch(/^attachment/);
    expect(csv.headers.get('Cache-Control')).toBe('private, no-store');
    expect(await csv.text()).toContain('5-2100');
    const pdf = await downloadLoader(
      args(get(`${base}/buku/unduh?laporan=neraca&tahun=2026&format=pdf`, cookie), { slug }),
    );
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(pdf.headers.get('Content-Disposition')).toBe(
      'attachment; filename="neraca-karangbesuki-2026.pdf"',
    );
    const [call] = ledger.calls.filter((c) => c.query.get('format') === 'pdf');
    expect(call?.query.get('year')).toBe('2026');
  });

  it('a malformed download (or a ledger without its account) is 404 without asking the ledger', async () => {
    const cookie = await signInAs(PENGAWAS);
    for (const q of [
      'laporan=rahasia&tahun=2026&format=csv',
      'laporan=laba-rugi&tahun=2026&format=xlsx',
      'laporan=buku-besar&tahun=2026&format=csv',
    ])
      expect(
        (await run(() => downloadLoader(args(get(`${base}/buku/unduh?${q}`, cookie), { slug })))).status,
      ).toBe(404);
    expect(ledger.calls).toHaveLength(0);
  });
});

describe('/dinas', () => {
  it('shows dinas the summed figures per cooperative; anyone else gets 404', async () => {
    const entry = await proposed();
    await decide(await signInAs(KETUA), { intent: 'approve', manualEntryId: entry.id });
    const dinas = await signInAs(DINAS);
    const res = await run<{ cooperatives: { cooperativeId: string; name: string; shu: number }[] }>(() =>
      dinasLoader(args(get('/dinas', dinas), {})),
    );
    expect(res.status).toBe(200);
    expect(res.data.cooperatives).toEqual([
      expect.objectContaining({
        cooperativeId: slug,
        shu: -350_000,
        name: expect.stringContaining('Karangbesuki'),
      }),
    ]);
    const cookie = await signInAs(KETUA);
    const ketua = await run(() => dinasLoader(args(get('/dinas', cookie), {})));
    expect(ketua.status).toBe(404);
    // The account page links the page for dinas only.
    const account = async (c: string) =>
      (await run<{ dinas: boolean }>(() => accountLoader(args(get('/akun', c), {})))).data.dinas;
    expect(await account(dinas)).toBe(true);
    expect(await account(cookie)).toBe(false);
  });
});
