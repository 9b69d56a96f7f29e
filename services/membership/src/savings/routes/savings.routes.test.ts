import { AuditRecorded, SavingsDeposited, SavingsWithdrawn } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { json } from '../../testing/fakes';
import { savingsFixture } from '../testing/fakes';

const settingsPath = (coop = 'karangbesuki') => `/cooperatives/${coop}/savings-settings`;
const BYLAWS = {
  pokokAmount: 50_000,
  wajibRates: [
    { from: '2026-04', amount: 15_000 },
    { from: '2025-01', amount: 10_000 },
  ],
  firstDue: 'joining_month',
};
const typesOf = (events: { type: string }[]) => events.map((e) => e.type);

describe('GET/PUT savings-settings', () => {
  it('answers the defaults until set, to members and every staff role of the cooperative', async () => {
    const f = await savingsFixture();
    for (const who of ['sri', 'rina', 'kasir', 'gudang', 'pengawas', 'bendahara'] as const) {
      const res = await f.call(who, 'GET', settingsPath());
      expect(res.status, who).toBe(200);
      expect(await json(res)).toEqual({
        cooperativeId: 'karangbesuki',
        pokokAmount: 100_000,
        wajibRates: [{ from: '2000-01', amount: 10_000 }],
        firstDue: 'joining_month',
        wajibNow: 10_000,
        isDefault: true,
        updatedAt: null,
        updatedBy: null,
      });
    }
    expect((await f.call(null, 'GET', settingsPath())).status).toBe(401);
    expect((await f.call('shopper', 'GET', settingsPath())).status).toBe(404);
    expect((await f.call('dnMember', 'GET', settingsPath())).status).toBe(404);
  });

  it('the ketua or the bendahara sets them (audited); rates are kept by month', async () => {
    const f = await savingsFixture();
    const res = await f.call('bendahara', 'PUT', settingsPath(), BYLAWS);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      pokokAmount: 50_000,
      wajibRates: [
        { from: '2025-01', amount: 10_000 },
        { from: '2026-04', amount: 15_000 },
      ],
      wajibNow: 10_000,
      isDefault: false,
      updatedAt: f.clock.now().toISOString(),
      updatedBy: 'per_bendahara',
    });
    const [audit] = f.store.events;
    expect(audit).toMatchObject({
      type: AuditRecorded.type,
      data: {
        action: 'membership.savings.settings-changed',
        actorId: 'per_bendahara',
        before: { pokokAmount: 100_000, isDefault: true },
        after: { pokokAmount: 50_000 },
      },
    });
    expect(f.nudges).toContain('settings/karangbesuki');
    expect((await f.call('ketua', 'PUT', settingsPath(), { ...BYLAWS, pokokAmount: 60_000 })).status).toBe(
      200,
    );
    expect((await json(await f.call('sri', 'GET', settingsPath()))).pokokAmount).toBe(60_000);
  });

  it('refuses every other caller and every malformed or contradictory rule', async () => {
    const f = await savingsFixture();
    const sekretaris = await f.call('sekretaris', 'PUT', settingsPath(), BYLAWS);
    expect(sekretaris.status).toBe(403);
    expect((await json(sekretaris)).code).toBe('SAVINGS.KETUA_OR_BENDAHARA_ONLY');
    for (const who of ['kasir', 'pengawas', 'sri'] as const)
      expect((await f.call(who, 'PUT', settingsPath(), BYLAWS)).status, who).toBe(403);
    expect((await f.call('dnBendahara', 'PUT', settingsPath(), BYLAWS)).status).toBe(404);
    const twice = await f.call('ketua', 'PUT', settingsPath(), {
      ...BYLAWS,
      wajibRates: [
        { from: '2026-04', amount: 15_000 },
        { from: '2026-04', amount: 20_000 },
      ],
    });
    expect(twice.status).toBe(409);
    expect(await json(twice)).toMatchObject({
      code: 'SAVINGS.RATE_MONTH_TWICE',
      details: { field: 'wajibRates' },
    });
    for (const bad of [
      { ...BYLAWS, wajibRates: [] },
      { ...BYLAWS, wajibRates: [{ from: '2026-13', amount: 10_000 }] },
      { ...BYLAWS, wajibRates: [{ from: '2026-01', amount: 0 }] },
      { ...BYLAWS, pokokAmount: 1.5 },
      { ...BYLAWS, firstDue: 'whenever' },
      { ...BYLAWS, extra: true },
    ]) {
      const res = await f.call('ketua', 'PUT', settingsPath(), bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await json(res)).code).toBe('VALIDATION.FAILED');
    }
    expect(f.store.settings.size).toBe(0);
  });
});

describe('POST …/savings/deposits', () => {
  it('the bendahara records simpanan pokok: SavingsDeposited and the audit entry in the same write', async () => {
    const f = await savingsFixture();
    const res = await f.deposit('bendahara', { kind: 'pokok', amount: 100_000, receiptNumber: 'BS-0001' });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({
      movement: {
        seq: 1,
        type: 'deposit',
        kind: 'pokok',
        amount: 100_000,
        method: 'cash',
        receiptNumber: 'BS-0001',
        source: 'counter',
        receivedAt: f.clock.now().toISOString(),
        recordedBy: 'per_bendahara',
        balanceAfter: 100_000,
      },
      balances: { pokok: 100_000, wajib: 0, sukarela: 0, total: 100_000 },
      replayed: false,
    });
    expect(typesOf(f.store.events)).toEqual([SavingsDeposited.type, AuditRecorded.type]);
    const [event, audit] = f.store.events;
    expect(event).toMatchObject({
      subject: 'mbr_sri',
      cooperativeid: 'karangbesuki',
      data: {
        memberId: 'mbr_sri',
        cooperativeId: 'karangbesuki',
        kind: 'pokok',
        amount: 100_000,
        method: 'cash',
        receiptNumber: 'BS-0001',
        recordedBy: 'per_bendahara',
        receivedAt: f.clock.now().toISOString(),
      },
    });
    expect(audit?.data).toMatchObject({
      action: 'membership.savings.deposited',
      actorId: 'per_bendahara',
      target: { type: 'member', id: 'mbr_sri' },
      before: { pokok: 0 },
      after: { pokok: 100_000, receiptNumber: 'BS-0001', movementId: body.movement.movementId },
    });
    expect(f.nudges).toContain('accounts/karangbesuki:mbr_sri');
  });

  it('a kasir records wajib for several months; the event says how many months it covers', async () => {
    const f = await savingsFixture();
    const res = await f.deposit('kasir', { kind: 'wajib', amount: 30_000, months: 3, method: 'transfer' });
    expect(res.status).toBe(201);
    expect((await json(res)).movement.covers).toEqual({ from: '2026-01', to: '2026-03', months: 3 });
    expect(f.store.events[0]?.data).toMatchObject({ kind: 'wajib', months: 3, method: 'transfer' });
    const wrong = await f.deposit('kasir', { kind: 'wajib', amount: 25_000, months: 2 });
    expect(wrong.status).toBe(409);
    expect(await json(wrong)).toMatchObject({
      code: 'SAVINGS.WAJIB_AMOUNT_MISMATCH',
      details: { field: 'amount', expected: 20_000, months: 2 },
    });
  });

  it('refuses a second pokok and a pokok of another amount, naming why', async () => {
    const f = await savingsFixture();
    const wrong = await f.deposit('bendahara', { kind: 'pokok', amount: 90_000 });
    expect(wrong.status).toBe(409);
    expect(await json(wrong)).toMatchObject({
      code: 'SAVINGS.POKOK_AMOUNT',
      details: { field: 'amount', expected: 100_000 },
    });
    expect(
      (await f.deposit('bendahara', { kind: 'pokok', amount: 100_000, receiptNumber: 'BS-P1' })).status,
    ).toBe(201);
    const again = await f.deposit('bendahara', { kind: 'pokok', amount: 100_000 });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({
      code: 'SAVINGS.POKOK_ALREADY_PAID',
      details: { field: 'kind', receiptNumber: 'BS-P1' },
    });
  });

  it('the same receipt with the same content answers the movement recorded; other content is 409', async () => {
    const f = await savingsFixture();
    const body = { kind: 'sukarela', amount: 20_000, method: 'cash', receiptNumber: 'BS-77' };
    const first = await f.deposit('kasir', body);
    expect(first.status).toBe(201);
    const retry = await f.deposit('kasir', body);
    expect(retry.status).toBe(200);
    const replay = await json(retry);
    expect(replay.replayed).toBe(true);
    expect(replay.movement.movementId).toBe((await json(first)).movement.movementId);
    expect(f.store.accounts.get('karangbesuki:mbr_sri')?.movements).toHaveLength(1);
    expect(typesOf(f.store.events)).toEqual([SavingsDeposited.type, AuditRecorded.type]);
    for (const other of [
      { ...body, amount: 20_001 },
      { ...body, method: 'transfer' },
      { ...body, kind: 'wajib' },
    ]) {
      const res = await f.deposit('kasir', other);
      expect(res.status, JSON.stringify(other)).toBe(409);
      expect(await json(res)).toMatchObject({
        code: 'SAVINGS.RECEIPT_USED',
        details: { field: 'receiptNumber', receiptNumber: 'BS-77' },
      });
    }
    // Unique per cooperative, not per member.
    const rina = await f.deposit('kasir', body, 'mbr_rina');
    expect((await json(rina)).code).toBe('SAVINGS.RECEIPT_USED');
  });

  it('a refused deposit does not use up its receipt number', async () => {
    const f = await savingsFixture();
    expect((await f.deposit('kasir', { kind: 'pokok', amount: 1, receiptNumber: 'BS-9' })).status).toBe(409);
    expect((await f.deposit('kasir', { kind: 'sukarela', amount: 1, receiptNumber: 'BS-9' })).status).toBe(
      201,
    );
  });

  it('takes a receipt date in the past but not before joining, and never in the future', async () => {
    const f = await savingsFixture();
    const past = await f.deposit('kasir', {
      kind: 'sukarela',
      amount: 5_000,
      receivedAt: '2026-02-01T10:00:00+07:00',
    });
    expect(past.status).toBe(201);
    expect((await json(past)).movement.receivedAt).toBe('2026-02-01T03:00:00.000Z');
    expect(f.store.events[0]?.data).toMatchObject({ receivedAt: '2026-02-01T03:00:00.000Z' });
    const before = await f.deposit('kasir', {
      kind: 'sukarela',
      amount: 5_000,
      receivedAt: '2026-01-09T00:00:00Z',
    });
    expect(before.status).toBe(409);
    expect(await json(before)).toMatchObject({
      code: 'SAVINGS.RECEIVED_BEFORE_JOINING',
      details: { field: 'receivedAt' },
    });
    const future = await f.deposit('kasir', {
      kind: 'sukarela',
      amount: 5_000,
      receivedAt: '2026-03-03T00:00:00Z',
    });
    expect(future.status).toBe(409);
    expect(await json(future)).toMatchObject({
      code: 'SAVINGS.RECEIVED_IN_FUTURE',
      details: { field: 'receivedAt' },
    });
  });

  it('refuses a registry record that is not an anggota, and a member of another cooperative (404)', async () => {
    const f = await savingsFixture();
    const staff = await f.deposit('bendahara', { kind: 'sukarela', amount: 1_000 }, 'mbr_staff');
    expect(staff.status).toBe(409);
    expect((await json(staff)).code).toBe('SAVINGS.NOT_A_MEMBER');
    const other = await f.deposit('bendahara', { kind: 'sukarela', amount: 1_000 }, 'mbr_dn_member');
    expect(other.status).toBe(404);
    expect((await json(other)).code).toBe('SAVINGS.MEMBER_NOT_FOUND');
    expect((await f.deposit('bendahara', { kind: 'sukarela', amount: 1_000 }, 'mbr_nobody')).status).toBe(
      404,
    );
    // The dinoyo bendahara naming a karangbesuki member through dinoyo's path: 404, nothing learnt.
    expect(
      (await f.deposit('dnBendahara', { kind: 'sukarela', amount: 1_000 }, 'mbr_sri', 'dinoyo')).status,
    ).toBe(404);
  });

  it('only the bendahara and the kasir record money', async () => {
    const f = await savingsFixture();
    const body = { kind: 'sukarela', amount: 1_000 };
    for (const [who, status] of [
      ['ketua', 403],
      ['sekretaris', 403],
      ['pengawas', 403],
      ['gudang', 403],
      ['sri', 403],
      ['dnBendahara', 404],
      ['shopper', 404],
    ] as const)
      expect((await f.deposit(who, body)).status, who).toBe(status);
    expect((await f.call(null, 'POST', `${f.memberPath()}/deposits`, body)).status).toBe(401);
    expect(f.store.events).toEqual([]);
  });

  it('names the field of malformed input (400)', async () => {
    const f = await savingsFixture();
    for (const [bad, field] of [
      [{ kind: 'sukarela', amount: 0 }, 'amount'],
      [{ kind: 'sukarela', amount: 1_000.5 }, 'amount'],
      [{ kind: 'sukarela', amount: 1_000, method: 'qris' }, 'method'],
      [{ kind: 'sukarela', amount: 1_000, receiptNumber: 'BS 1' }, 'receiptNumber'],
      [{ kind: 'sukarela', amount: 1_000, receiptNumber: '' }, 'receiptNumber'],
      [{ kind: 'sukarela', amount: 1_000, receivedAt: '2026-02-01' }, 'receivedAt'],
      [{ kind: 'pokok', amount: 100_000, months: 1 }, 'months'],
      [{ kind: 'wajib', amount: 10_000, months: 0 }, 'months'],
      [{ kind: 'saham', amount: 1_000 }, 'kind'],
    ] as const) {
      const res = await f.deposit('kasir', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      const { details } = await json(res);
      expect(JSON.stringify(details.issues), JSON.stringify(bad)).toContain(field);
    }
    const badId = await f.call('kasir', 'POST', `${f.memberPath('sri')}/deposits`, {
      kind: 'sukarela',
      amount: 1,
    });
    expect(badId.status).toBe(400);
  });
});

describe('POST …/savings/withdrawals', () => {
  it('pays out sukarela down to zero, never below: 409 SAVINGS.INSUFFICIENT names the balance', async () => {
    const f = await savingsFixture();
    await f.deposit('kasir', { kind: 'sukarela', amount: 40_000 });
    await f.deposit('kasir', { kind: 'wajib', amount: 30_000 });
    const tooMuch = await f.withdraw('bendahara', { amount: 40_001 });
    expect(tooMuch.status).toBe(409);
    expect(await json(tooMuch)).toMatchObject({
      code: 'SAVINGS.INSUFFICIENT',
      details: { field: 'amount', balance: 40_000 },
    });
    const before = f.store.events.length;
    const ok = await f.withdraw('bendahara', { amount: 40_000, receiptNumber: 'BT-1', method: 'transfer' });
    expect(ok.status).toBe(201);
    expect(await json(ok)).toMatchObject({
      movement: { type: 'withdrawal', kind: 'sukarela', amount: 40_000, balanceAfter: 0 },
      balances: { sukarela: 0, wajib: 30_000 },
    });
    const [event, audit] = f.store.events.slice(before);
    expect(event).toMatchObject({
      type: SavingsWithdrawn.type,
      data: { kind: 'sukarela', amount: 40_000, method: 'transfer', receiptNumber: 'BT-1' },
    });
    expect(audit?.data).toMatchObject({
      action: 'membership.savings.withdrawn',
      before: { sukarela: 40_000 },
      after: { sukarela: 0 },
    });
    expect(
      (await f.withdraw('bendahara', { amount: 40_000, receiptNumber: 'BT-1', method: 'transfer' })).status,
    ).toBe(200);
    expect((await f.withdraw('bendahara', { amount: 1 })).status).toBe(409);
  });

  it('two withdrawals at once cannot both pass the balance check', async () => {
    const f = await savingsFixture();
    await f.deposit('kasir', { kind: 'sukarela', amount: 50_000 });
    const results = await Promise.all([
      f.withdraw('kasir', { amount: 30_000, receiptNumber: 'BT-A' }),
      f.withdraw('bendahara', { amount: 30_000, receiptNumber: 'BT-B' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect((await json(refused)).details).toMatchObject({ balance: 20_000 });
    expect(f.store.receipts.size).toBe(2); // the deposit's and the one withdrawal that passed
  });

  it('has the same access rule and input rules as deposits', async () => {
    const f = await savingsFixture();
    expect((await f.withdraw('ketua', { amount: 1 })).status).toBe(403);
    expect((await f.withdraw('pengawas', { amount: 1 })).status).toBe(403);
    expect((await f.withdraw('kasir', { amount: 1, kind: 'sukarela' })).status).toBe(400);
    expect((await f.withdraw('kasir', { amount: -5 })).status).toBe(400);
    expect((await f.withdraw('kasir', { amount: 1 }, 'mbr_dn_member')).status).toBe(404);
  });
});

describe('GET …/members/{memberId}/savings', () => {
  it('shows balances, wajib arrears as of now and the history newest first, to staff only', async () => {
    const f = await savingsFixture();
    await f.deposit('kasir', { kind: 'pokok', amount: 100_000 });
    await f.deposit('kasir', { kind: 'wajib', amount: 15_000 });
    await f.deposit('kasir', { kind: 'sukarela', amount: 7_500 });
    for (const who of ['pengawas', 'kasir', 'ketua', 'bendahara'] as const)
      expect((await f.call(who, 'GET', f.memberPath())).status, who).toBe(200);
    const body = await json(await f.call('pengawas', 'GET', `${f.memberPath()}?limit=2`));
    expect(body).toMatchObject({
      cooperativeId: 'karangbesuki',
      memberId: 'mbr_sri',
      displayName: 'Anggota mbr_sri',
      joinedAt: '2026-01-10T02:00:00.000Z',
      balances: { pokok: 100_000, wajib: 15_000, sukarela: 7_500, total: 122_500 },
      pokok: { amount: 100_000, paid: true, due: 0 },
      arrears: {
        firstDueMonth: '2026-01',
        monthsDue: 3,
        amountDue: 30_000,
        paid: 15_000,
        arrearsAmount: 15_000,
        monthsInArrears: 2,
        monthsInAdvance: 0,
        paidThrough: '2026-01',
        partial: 5_000,
        monthlyNow: 10_000,
        asOf: f.clock.now().toISOString(),
      },
      history: { nextBefore: 2 },
    });
    expect(body.history.items.map((m: { kind: string }) => m.kind)).toEqual(['sukarela', 'wajib']);
    const older = await json(await f.call('pengawas', 'GET', `${f.memberPath()}?limit=2&before=2`));
    expect(older.history).toMatchObject({ nextBefore: null, items: [{ kind: 'pokok', seq: 1 }] });
    for (const [who, status] of [
      ['sri', 403],
      ['gudang', 403],
      ['dnBendahara', 404],
    ] as const)
      expect((await f.call(who, 'GET', f.memberPath())).status, who).toBe(status);
    expect((await f.call('pengawas', 'GET', f.memberPath('mbr_dn_member'))).status).toBe(404);
    expect((await f.call('pengawas', 'GET', `${f.memberPath()}?limit=0`)).status).toBe(400);
  });

  it('a member who never saved owes every month since joining and the pokok', async () => {
    const f = await savingsFixture();
    const body = await json(await f.call('kasir', 'GET', f.memberPath('mbr_budi')));
    expect(body).toMatchObject({
      balances: { pokok: 0, wajib: 0, sukarela: 0, total: 0 },
      pokok: { paid: false, due: 100_000 },
      arrears: { firstDueMonth: '2025-12', monthsDue: 4, arrearsAmount: 40_000, paidThrough: null },
      history: { items: [], nextBefore: null },
    });
  });
});

describe('GET …/savings/arrears', () => {
  it('lists the members who owe, most owed first, with totals; paid-up members and non-members are left out', async () => {
    const f = await savingsFixture();
    // Sri: pokok and all three months paid. Rina: pokok paid, one month paid. Budi: nothing.
    await f.deposit('kasir', { kind: 'pokok', amount: 100_000 });
    await f.deposit('kasir', { kind: 'wajib', amount: 30_000 });
    await f.deposit('kasir', { kind: 'pokok', amount: 100_000 }, 'mbr_rina');
    await f.deposit('kasir', { kind: 'wajib', amount: 10_000 }, 'mbr_rina');
    const res = await f.call('pengawas', 'GET', '/cooperatives/karangbesuki/savings/arrears');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      cooperativeId: 'karangbesuki',
      asOf: f.clock.now().toISOString(),
      items: [
        {
          memberId: 'mbr_budi',
          displayName: 'Anggota mbr_budi',
          joinedAt: '2025-12-20T03:00:00.000Z',
          balances: { pokok: 0, wajib: 0, sukarela: 0, total: 0 },
          monthsDue: 4,
          monthsInArrears: 4,
          arrearsAmount: 40_000,
          paidThrough: null,
          pokokDue: 100_000,
          owed: 140_000,
        },
        {
          memberId: 'mbr_rina',
          displayName: 'Anggota mbr_rina',
          joinedAt: '2026-01-10T02:00:00.000Z',
          balances: { pokok: 100_000, wajib: 10_000, sukarela: 0, total: 110_000 },
          monthsDue: 3,
          monthsInArrears: 2,
          arrearsAmount: 20_000,
          paidThrough: '2026-01',
          pokokDue: 0,
          owed: 20_000,
        },
      ],
      total: 2,
      offset: 0,
      limit: 50,
      nextOffset: null,
      totals: { members: 3, inArrears: 2, arrearsAmount: 60_000, pokokDue: 100_000, owed: 160_000 },
    });
    const page = await json(
      await f.call('kasir', 'GET', '/cooperatives/karangbesuki/savings/arrears?limit=1'),
    );
    expect(page).toMatchObject({ total: 2, nextOffset: 1, items: [{ memberId: 'mbr_budi' }] });
    const second = await json(
      await f.call('kasir', 'GET', '/cooperatives/karangbesuki/savings/arrears?limit=1&offset=1'),
    );
    expect(second).toMatchObject({ nextOffset: null, items: [{ memberId: 'mbr_rina' }] });
    expect((await f.call('sri', 'GET', '/cooperatives/karangbesuki/savings/arrears')).status).toBe(403);
    expect((await f.call('dnBendahara', 'GET', '/cooperatives/karangbesuki/savings/arrears')).status).toBe(
      404,
    );
    expect(
      (await f.call('kasir', 'GET', '/cooperatives/karangbesuki/savings/arrears?offset=-1')).status,
    ).toBe(400);
  });

  it('stays one pass over the accounts for 600 members', async () => {
    const f = await savingsFixture();
    for (let i = 0; i < 600; i++)
      await f.members.insert(
        {
          memberId: `mbr_many_${String(i).padStart(3, '0')}`,
          cooperativeId: 'karangbesuki',
          displayName: `Anggota ${i}`,
          roles: ['anggota'],
          phone: null,
          nik: null,
          createdAt: new Date('2026-01-10T02:00:00.000Z'),
        },
        [],
      );
    let summaries = 0;
    let accounts = 0;
    const list = f.store.listSummaries.bind(f.store);
    const get = f.store.getAccount.bind(f.store);
    f.store.listSummaries = (c) => {
      summaries++;
      return list(c);
    };
    f.store.getAccount = (c, m) => {
      accounts++;
      return get(c, m);
    };
    const body = await json(
      await f.call('kasir', 'GET', '/cooperatives/karangbesuki/savings/arrears?limit=200'),
    );
    expect(body.totals).toMatchObject({ members: 603, inArrears: 603 });
    expect(body.items).toHaveLength(200);
    expect(summaries).toBe(1);
    expect(accounts).toBe(0);
  });
});

describe('GET …/savings/members', () => {
  it('finds members by part of the name or id, by name, with their balances; not the records that are not anggota', async () => {
    const f = await savingsFixture();
    await f.deposit('kasir', { kind: 'sukarela', amount: 12_000 }, 'mbr_rina');
    const all = await json(await f.call('kasir', 'GET', '/cooperatives/karangbesuki/savings/members'));
    expect(all.items.map((r: { memberId: string }) => r.memberId)).toEqual([
      'mbr_budi',
      'mbr_rina',
      'mbr_sri',
    ]);
    const found = await json(
      await f.call('pengawas', 'GET', '/cooperatives/karangbesuki/savings/members?q=RIN'),
    );
    expect(found).toMatchObject({
      total: 1,
      nextOffset: null,
      items: [{ memberId: 'mbr_rina', balances: { sukarela: 12_000, total: 12_000 }, pokokDue: 100_000 }],
    });
    const paged = await json(
      await f.call('ketua', 'GET', '/cooperatives/karangbesuki/savings/members?limit=2'),
    );
    expect(paged).toMatchObject({ total: 3, nextOffset: 2 });
    expect((await f.call('sri', 'GET', '/cooperatives/karangbesuki/savings/members')).status).toBe(403);
    expect((await f.call('dnBendahara', 'GET', '/cooperatives/karangbesuki/savings/members')).status).toBe(
      404,
    );
    const long = await f.call(
      'kasir',
      'GET',
      `/cooperatives/karangbesuki/savings/members?q=${'x'.repeat(81)}`,
    );
    expect(long.status).toBe(400);
  });
});

describe('GET …/my-savings', () => {
  it("shows a member their own savings, found from their account, and nobody else's", async () => {
    const f = await savingsFixture();
    await f.deposit('kasir', { kind: 'sukarela', amount: 12_000 });
    await f.deposit('kasir', { kind: 'sukarela', amount: 99_000 }, 'mbr_rina');
    const mine = await f.call('sri', 'GET', '/cooperatives/karangbesuki/my-savings');
    expect(mine.status).toBe(200);
    expect(await json(mine)).toMatchObject({ memberId: 'mbr_sri', balances: { sukarela: 12_000 } });
    expect(await json(await f.call('rina', 'GET', '/cooperatives/karangbesuki/my-savings'))).toMatchObject({
      memberId: 'mbr_rina',
      balances: { sukarela: 99_000 },
    });
    const unlinked = await f.call('unlinked', 'GET', '/cooperatives/karangbesuki/my-savings');
    expect(unlinked.status).toBe(404);
    expect((await json(unlinked)).code).toBe('SAVINGS.NO_MEMBER_RECORD');
    expect((await f.call('kasir', 'GET', '/cooperatives/karangbesuki/my-savings')).status).toBe(403);
    expect((await f.call('dnMember', 'GET', '/cooperatives/karangbesuki/my-savings')).status).toBe(404);
    expect((await f.call(null, 'GET', '/cooperatives/karangbesuki/my-savings')).status).toBe(401);
    // The path has no member id; a query naming one is not read.
    const named = await f.call('sri', 'GET', '/cooperatives/karangbesuki/my-savings?memberId=mbr_rina');
    expect((await json(named)).memberId).toBe('mbr_sri');
  });
});
