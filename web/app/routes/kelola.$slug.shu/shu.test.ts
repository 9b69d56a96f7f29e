import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loader as myShuLoader } from '~/routes/akun.shu/route';
import { loader as shellLoader } from '~/routes/kelola.$slug/route';
import { loader as ratPackLoader } from '~/routes/kelola.$slug.shu_.unduh/route';
import { ANGGOTA, BENDAHARA, KASIR, KETUA, PENGAWAS } from '../../../test/fixtures';
import { args, cookiesOf, get, post, run } from '../../../test/route-helpers';
import { installFakeServices, signInAs, withSellers } from '../../../test/setup-services';
import { action as shuRoute, loader as shuLoader } from './route';

const services = installFakeServices();
const slug = 'karangbesuki';
const page = `/kelola/${slug}/shu?tahun=2025`;

const RUN = {
  shuId: 'karangbesuki:2025',
  cooperativeId: slug,
  year: 2025,
  status: 'draft',
  income: 955_000,
  expenses: 155_000,
  shu: 800_000,
  loss: false,
  allocation: {
    cadangan: 2500,
    jasaModal: 2000,
    jasaUsaha: 3000,
    danaPengurus: 500,
    danaKaryawan: 500,
    danaPendidikan: 500,
    danaSosial: 500,
    danaPembangunanDaerahKerja: 500,
  },
  pools: {
    cadangan: 200_000,
    jasaModal: 160_000,
    jasaUsaha: 240_000,
    danaPengurus: 40_000,
    danaKaryawan: 40_000,
    danaPendidikan: 40_000,
    danaSosial: 40_000,
    danaPembangunanDaerahKerja: 40_000,
  },
  members: [
    {
      memberId: 'mbr_kb_siti',
      displayName: 'Bu Siti',
      savings: 300_000,
      transactions: 150_000,
      jasaModal: 80_000,
      jasaUsaha: 72_000,
      total: 152_000,
    },
    {
      memberId: 'mbr_kb_sri',
      displayName: 'Bu Sri',
      savings: 300_000,
      transactions: 350_000,
      jasaModal: 80_000,
      jasaUsaha: 168_000,
      total: 248_000,
    },
  ],
  totals: { savings: 600_000, transactions: 500_000, jasaModal: 160_000, jasaUsaha: 240_000, members: 2 },
  unshared: { jasaModal: 0, jasaUsaha: 0 },
  roundingNote: 'Pembulatan: sisa terbesar',
  computedAt: '2026-03-01T03:00:00.000Z',
  computedBy: 'per_kb_bendahara',
  ratDate: null as string | null,
  approvedAt: null as string | null,
  approvedBy: null as string | null,
  approvalEntryId: null as string | null,
  distribution: null as null | Record<string, unknown>,
};

/**
 * The ledger's SHU endpoints as the fake world answers them (port 4005): who may call what mirrors
 * the service's route table; everything else goes to the shared fake services.
 */
function fakeLedger() {
  const state = {
    allocation: null as null | Record<string, number>,
    run: null as null | typeof RUN,
    refuse: null as null | [number, string],
  };
  const calls: { method: string; path: string; body: unknown }[] = [];
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const handle = (url: URL, init: RequestInit): Response => {
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname, body });
    const token = new Headers(init.headers).get('authorization')?.replace('Bearer ', '') ?? '';
    const person = services.current.people.get(token.split('.')[2] ?? '');
    const grant = person?.grants.find((g) => g.cooperativeId === slug);
    const has = (...roles: string[]) => grant?.roles.some((r) => roles.includes(r)) ?? false;
    if (!person) return json(401, { code: 'AUTH.UNAUTHENTICATED', message: 'x' });
    if (!grant) return json(404, { code: 'RESOURCE.NOT_FOUND', message: 'x' });
    const path = url.pathname.replace(`/cooperatives/${slug}/shu`, '');
    if (state.refuse && method !== 'GET') {
      const [status, code] = state.refuse;
      return json(status, { code, message: code });
    }
    if (path === '/allocation' && method === 'GET')
      return json(200, {
        cooperativeId: slug,
        allocation: state.allocation,
        updatedBy: null,
        updatedAt: null,
      });
    if (path === '/allocation' && method === 'PUT') {
      state.allocation = body;
      return json(200, {
        cooperativeId: slug,
        allocation: body,
        updatedBy: person.personId,
        updatedAt: 'now',
      });
    }
    if (path === '' && method === 'GET')
      return json(200, {
        items: state.run
          ? [{ year: 2025, status: state.run.status, shu: 800_000, ratDate: state.run.ratDate }]
          : [],
      });
    if (path === '/2025' && method === 'GET') {
      if (!has('pengurus', 'pengawas')) return json(403, { code: 'AUTH.FORBIDDEN', message: 'x' });
      return state.run ? json(200, state.run) : json(404, { code: 'SHU.NOT_FOUND', message: 'x' });
    }
    if (path === '/2025/mine' && method === 'GET') {
      if (!state.run || state.run.status === 'draft')
        return json(404, { code: 'SHU.NOT_FOUND', message: 'x' });
      const line = state.run.members.find((m) => m.memberId === person.memberId) ?? null;
      return json(200, {
        shuId: RUN.shuId,
        cooperativeId: slug,
        year: 2025,
        status: state.run.status,
        shu: 800_000,
        allocation: RUN.allocation,
        pools: RUN.pools,
        ratDate: state.run.ratDate,
        roundingNote: RUN.roundingNote,
        member: line,
        distribution: null,
      });
    }
    if (path === '/2025/draft' && method === 'POST') {
      state.run = structuredClone(RUN);
      return json(200, state.run);
    }
    if (path === '/2025/approve' && method === 'POST' && state.run) {
      state.run = { ...state.run, status: 'approved', ratDate: body.ratDate };
      return json(200, state.run);
    }
    if (path === '/2025/distribute' && method === 'POST' && state.run) {
      state.run = {
        ...state.run,
        status: 'distributed',
        distribution: { to: body.to, by: person.personId, at: 'now', entryId: 'je_x', total: 400_000 },
      };
      return json(200, state.run);
    }
    if (path === '/2025/rat-pack.pdf' && state.run)
      return new Response('%PDF-1.3 paket', {
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': 'attachment; filename="paket-rat-karangbesuki-2025.pdf"',
        },
      });
    return json(404, { code: 'SHU.NOT_FOUND', message: 'x' });
  };
  return { state, calls, handle };
}

let ledger: ReturnType<typeof fakeLedger>;
beforeEach(() => {
  withSellers(services.current);
  ledger = fakeLedger();
  const others = services.current.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return url.port === '4005' ? ledger.handle(url, init) : others(input, init);
  });
});

const load = <T = any>(loader: (a: ReturnType<typeof args>) => unknown, path: string, cookie: string) =>
  run<T>(() => loader(args(get(path, cookie), { slug })));
const act = <T = any>(fields: Record<string, string>, cookie: string, path = page) =>
  run<T>(() => shuRoute(args(post(path, fields, cookie), { slug })));
const percentFields = {
  cadangan: '25',
  jasaModal: '20',
  jasaUsaha: '30',
  danaPengurus: '5',
  danaKaryawan: '5',
  danaPendidikan: '5',
  danaSosial: '5',
  danaPembangunanDaerahKerja: '5',
};

describe('/kelola/:slug/shu', () => {
  it('is in the menu of the pengurus and the pengawas, not the kasir’s (404 for them)', async () => {
    const sections = async (cookie: string) =>
      (await load<{ sections: string[] }>(shellLoader, `/kelola/${slug}`, cookie)).data.sections;
    expect(await sections(await signInAs(KETUA))).toContain('shu');
    expect(await sections(await signInAs(PENGAWAS))).toContain('shu');
    const kasir = await signInAs(KASIR);
    expect(await sections(kasir)).not.toContain('shu');
    expect((await load(shuLoader, page, kasir)).status).toBe(404);
  });

  it('saves the allocation in basis points; a sum other than 100 % is named and nothing is sent', async () => {
    const ketua = await signInAs(KETUA);
    const wrong = await act({ intent: 'allocation', ...percentFields, cadangan: '5' }, ketua);
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.form).toEqual({ key: 'staff.shu.error.sum', vars: { sum: '80' } });
    const bad = await act({ intent: 'allocation', ...percentFields, danaSosial: 'lima' }, ketua);
    expect(bad.data.errors.danaSosial).toBe('errors.percent');
    expect(ledger.calls.filter((c) => c.method === 'PUT')).toEqual([]);
    const ok = await act(
      { intent: 'allocation', ...percentFields, danaSosial: '2,5', danaPendidikan: '7,5' },
      ketua,
    );
    expect(ok.status).toBe(302);
    expect(ledger.state.allocation).toMatchObject({ cadangan: 2500, danaSosial: 250, danaPendidikan: 750 });
  });

  it('lets the bendahara compute the draft and shows it with every member; a refusal is named', async () => {
    const bendahara = await signInAs(BENDAHARA);
    ledger.state.refuse = [409, 'SHU.YEAR_NOT_CLOSED'];
    const refused = await act({ intent: 'draft' }, bendahara);
    expect(refused.status).toBe(409);
    expect(refused.data.errors.form).toBe('staff.shu.error.yearNotClosed');
    ledger.state.refuse = null;
    const res = await act({ intent: 'draft' }, bendahara);
    expect(res.status).toBe(302);
    const shown = await load(shuLoader, page, cookiesOf(res.headers, bendahara));
    expect(shown.data).toMatchObject({ year: 2025, canDraft: true, canDecide: true, canDistribute: true });
    expect(shown.data.run.members.map((m: { memberId: string }) => m.memberId)).toEqual([
      'mbr_kb_siti',
      'mbr_kb_sri',
    ]);
    expect(shown.data.notice).toEqual({ key: 'staff.shu.drafted', vars: { year: '2025' } });
  });

  it('records the RAT date (a bad date sends nothing), then the bendahara distributes', async () => {
    ledger.state.run = structuredClone(RUN);
    const ketua = await signInAs(KETUA);
    const bad = await act({ intent: 'approve', ratDate: '21/02/2026' }, ketua);
    expect(bad.status).toBe(400);
    expect(bad.data.errors.ratDate).toBe('errors.date');
    expect(ledger.calls.some((c) => c.path.endsWith('/approve'))).toBe(false);
    expect((await act({ intent: 'approve', ratDate: '2026-02-21' }, ketua)).status).toBe(302);
    expect(ledger.state.run?.ratDate).toBe('2026-02-21');
    // The ketua may not distribute (the bendahara's step): refused before any call.
    expect((await act({ intent: 'distribute', to: 'sukarela' }, ketua)).status).toBe(403);
    const res = await act({ intent: 'distribute', to: 'sukarela' }, await signInAs(BENDAHARA));
    expect(res.status).toBe(302);
    expect(ledger.state.run?.status).toBe('distributed');
    expect(ledger.calls.filter((c) => c.path.endsWith('/distribute'))).toHaveLength(1);
  });

  it('lets the pengawas read but take no step', async () => {
    ledger.state.run = structuredClone(RUN);
    const pengawas = await signInAs(PENGAWAS);
    const shown = await load(shuLoader, page, pengawas);
    expect(shown.status).toBe(200);
    expect(shown.data).toMatchObject({ canDraft: false, canDecide: false, canDistribute: false });
    for (const fields of [
      { intent: 'draft' } as Record<string, string>,
      { intent: 'approve', ratDate: '2026-02-21' },
      { intent: 'allocation', ...percentFields },
    ])
      expect((await act(fields, pengawas)).status).toBe(403);
    expect(ledger.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('passes the RAT pack PDF on as a download; a wrong format is 404 without a call', async () => {
    ledger.state.run = structuredClone(RUN);
    const pengawas = await signInAs(PENGAWAS);
    const res = await load<string>(
      ratPackLoader,
      `/kelola/${slug}/shu/unduh?tahun=2025&format=pdf`,
      pengawas,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('paket-rat-karangbesuki-2025.pdf');
    expect(res.data).toMatch(/^%PDF/);
    const calls = ledger.calls.length;
    expect(
      (await load(ratPackLoader, `/kelola/${slug}/shu/unduh?tahun=2025&format=exe`, pengawas)).status,
    ).toBe(404);
    expect(ledger.calls.length).toBe(calls);
  });
});

describe('/akun/shu', () => {
  it('shows a member their own SHU of the years the RAT approved, and nothing before', async () => {
    const member = await signInAs(ANGGOTA);
    ledger.state.run = structuredClone(RUN);
    const draft = await load(myShuLoader, '/akun/shu', member);
    expect(draft.data.cooperatives).toEqual([
      expect.objectContaining({ cooperativeId: slug, recorded: true, runs: [] }),
    ]);
    ledger.state.run = { ...structuredClone(RUN), status: 'approved', ratDate: '2026-02-21' };
    const res = await load(myShuLoader, '/akun/shu', member);
    expect(res.status).toBe(200);
    const [coop] = res.data.cooperatives;
    expect(coop.runs).toEqual([
      expect.objectContaining({
        year: 2025,
        status: 'approved',
        ratDate: '2026-02-21',
        member: expect.objectContaining({ memberId: 'mbr_kb_siti', total: 152_000 }),
      }),
    ]);
    expect(JSON.stringify(res.data)).not.toContain('mbr_kb_sri');
  });
});
