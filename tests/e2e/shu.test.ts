import {
  ConsignmentSaleRecorded,
  type Envelope,
  type EventDefinition,
  MemberRegistered,
  newEvent,
  OrderCompleted,
  SavingsDeposited,
  ShuDistributed,
  Topics,
} from '@pasar/contracts';
import { readTopics, testBus } from '@pasar/events/testing';
import { waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  membershipAdmin,
  registerCooperative,
  signIn,
  staffAuth,
  startTestMarket,
  type TestMarket,
} from '../lib/market';

// Issue 11, SHU for the RAT, across the running services, the broker and FerretDB. Last year's facts
// are published onto the market's topics as their producers publish them — members (membership's
// MemberRegistered, with the account), savings entered today from last year's receipts (receivedAt),
// and handovers with the buyer's account and a titip jual sale (orders and payments stamp them with
// their own time, so they cannot be made in the past through the HTTP APIs). The bendahara books
// manual income and an expense (approved by the ketua), closes the year, and the SHU draft must
// match the rupiah computed by hand below; the RAT approves it and it is credited to sukarela.
let m: TestMarket;
const coop = `shu${Date.now().toString(36)}`;
const YEAR = new Date().getUTCFullYear() - 1;
let publisher: ReturnType<typeof testBus>;
let reader: Awaited<ReturnType<typeof readTopics>>;
const bendahara = {
  phone: `0813${String(process.pid % 10_000).padStart(4, '0')}7711`,
  password: 'e2e-bendahara-shu',
};
const ani = {
  phone: `0857${String(process.pid % 10_000).padStart(4, '0')}7712`,
  password: 'e2e-ani-shu-2026',
};
let aniPersonId: string;

beforeAll(async () => {
  m = await startTestMarket();
  await registerCooperative(m, coop);
  await membershipAdmin(m, [
    'create-pengurus',
    '--cooperative',
    coop,
    '--name',
    `Bendahara ${coop}`,
    '--phone',
    bendahara.phone,
    '--position',
    'bendahara',
    '--password',
    bendahara.password,
  ]);
  // Bu Ani has an account of her own (invited by the ketua, her password set with the code).
  const invited = await api<any>(`${m.urls.membership}/cooperatives/${coop}/people`, {
    headers: await staffAuth(m, coop, 'membership'),
    body: { name: 'Bu Ani', phone: ani.phone, roles: ['anggota'] },
  });
  expect(invited.status).toBe(201);
  aniPersonId = invited.body.person.personId;
  const reset = await api(`${m.urls.membership}/auth/reset`, {
    body: { phone: ani.phone, code: invited.body.resetCode, newPassword: ani.password },
  });
  expect(reset.status).toBeLessThan(300);
  publisher = testBus('shu-e2e', m.prefix);
  reader = await readTopics(publisher, [Topics.ledgerShu.name]);
}, 300_000);

afterAll(async () => {
  await reader?.stop();
  await publisher?.disconnect();
  await m?.stop();
});

const day = (mmdd: string) => `${YEAR}-${mmdd}T03:00:00.000Z`;
let seq = 0;
function event(def: EventDefinition, subject: string, data: object, time: string, source: string): Envelope {
  const e = newEvent(def, subject, data as never, { source, cooperativeId: coop });
  return def.envelope.parse({ ...e, time }) as Envelope;
}
async function publish(topic: string, events: Envelope[]) {
  const producer = await publisher.producer();
  await producer.send({
    topic: publisher.topic(topic),
    messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
  });
}
const member = (memberId: string, displayName: string, personId: string, joined: string) =>
  event(
    MemberRegistered,
    memberId,
    { memberId, cooperativeId: coop, displayName, roles: ['anggota'], personId, joinedAt: day(joined) },
    day(joined),
    'urn:pasar:membership',
  );
const deposit = (memberId: string, kind: 'pokok' | 'wajib', amount: number, received: string) =>
  event(
    SavingsDeposited,
    memberId,
    {
      memberId,
      cooperativeId: coop,
      kind,
      amount,
      method: 'cash',
      receiptNumber: `BS-${++seq}`,
      recordedBy: 'per_bendahara',
      receivedAt: day(received),
      ...(kind === 'wajib' ? { months: 6 } : {}),
    },
    new Date().toISOString(),
    'urn:pasar:membership',
  );
const line = (goods: number, sellerId = 'mbr_koperasi') => ({
  productId: `prd_${++seq}`,
  sellerId,
  name: 'Beras Medium 5 kg',
  unit: 'sak',
  unitPrice: goods,
  quantity: 1,
  lineTotal: goods,
});
const handover = (
  orderId: string,
  buyerPersonId: string | null,
  lines: object[],
  total: number,
  on: string,
) =>
  event(
    OrderCompleted,
    orderId,
    {
      orderId,
      notaNumber: `SHU-${YEAR}-${String(++seq).padStart(6, '0')}`,
      paymentMethod: 'cash',
      total,
      cashReceived: total,
      handover: 'pickup_code',
      lines,
      buyerPersonId,
    },
    day(on),
    'urn:pasar:orders',
  );
const orderId = () => `ord_${coop}${String(++seq).padStart(6, '0')}`;

const ledger = (path: string) => `${m.urls.ledger}/cooperatives/${coop}${path}`;
const asBendahara = async () => (await signIn(m, bendahara.phone, bendahara.password)).auth('ledger');

describe('SHU for the RAT of a small cooperative', () => {
  it('drafts the hand-computed shares, is approved, credited to sukarela, and the books balance', {
    timeout: 300_000,
  }, async () => {
    const ketua = await staffAuth(m, coop, 'ledger');
    const bend = await asBendahara();

    // Members: Bu Ani (her own account), Pak Budi, and Bu Citra who sells titip jual.
    await publish(Topics.membershipMember.name, [
      member('mbr_e2e_ani', 'Bu Ani', aniPersonId, '01-15'),
      member('mbr_e2e_budi', 'Pak Budi', 'per_e2e_budi', '03-01'),
      member('mbr_e2e_citra', 'Bu Citra', 'per_e2e_citra', '02-01'),
    ]);
    // Savings, entered today from last year's receipts: Ani 100.000 + 120.000, Budi 100.000 +
    // 60.000, Citra 100.000 → Σ 480.000.
    await publish(Topics.membershipSavings.name, [
      deposit('mbr_e2e_ani', 'pokok', 100_000, '01-15'),
      deposit('mbr_e2e_ani', 'wajib', 120_000, '12-01'),
      deposit('mbr_e2e_budi', 'pokok', 100_000, '03-01'),
      deposit('mbr_e2e_budi', 'wajib', 60_000, '09-01'),
      deposit('mbr_e2e_citra', 'pokok', 100_000, '02-01'),
    ]);
    // Purchases handed over: Ani 300.000 (+10.000 delivery, not counted) and 100.000; Budi 200.000;
    // a guest 150.000 (nobody's). Citra's titip jual 200.000 (commission 20.000) sold to a guest.
    const consignmentOrder = orderId();
    const citraLine = line(200_000, 'mbr_e2e_citra');
    await publish(Topics.ordersOrder.name, [
      handover(orderId(), aniPersonId, [line(300_000)], 310_000, '04-10'),
      handover(orderId(), aniPersonId, [line(100_000)], 100_000, '10-10'),
      handover(orderId(), 'per_e2e_budi', [line(200_000)], 200_000, '06-10'),
      handover(orderId(), null, [line(150_000)], 150_000, '07-10'),
      handover(consignmentOrder, null, [citraLine], 200_000, '08-10'),
    ]);
    await publish(Topics.paymentsConsignment.name, [
      event(
        ConsignmentSaleRecorded,
        'mbr_e2e_citra',
        {
          cooperativeId: coop,
          sellerId: 'mbr_e2e_citra',
          orderId: consignmentOrder,
          lines: [
            {
              productId: citraLine.productId,
              name: citraLine.name,
              quantity: 1,
              lineTotal: 200_000,
              commissionBps: 1000,
              commission: 20_000,
            },
          ],
          gross: 200_000,
          commission: 20_000,
          net: 180_000,
          recordedAt: day('08-09'),
        },
        day('08-09'),
        'urn:pasar:payments',
      ),
    ]);

    // The bendahara's manual entries of last year, each approved by the ketua: a bazaar's sale of
    // the cooperative's own stock 200.000 (income) and electricity 180.000 (expense).
    for (const [memo, lines] of [
      [
        'Penjualan bazar Agustusan',
        [
          { account: '1-1100', debit: 200_000, credit: 0 },
          { account: '4-1100', debit: 0, credit: 200_000 },
        ],
      ],
      [
        'Listrik dan air gerai setahun',
        [
          { account: '5-2100', debit: 180_000, credit: 0 },
          { account: '1-1100', debit: 0, credit: 180_000 },
        ],
      ],
    ] as const) {
      const proposed = await api<any>(ledger('/manual-entries'), {
        headers: bend,
        body: { memo, occurredAt: day('12-20'), lines },
      });
      expect(proposed.status).toBe(201);
      const approved = await api<any>(ledger(`/manual-entries/${proposed.body.id}/approve`), {
        method: 'POST',
        headers: ketua,
      });
      expect(approved.status).toBe(200);
    }

    // Income: sales 300 + 100 + 200 + 150 + 200 (titip jual, moved to Citra) + 200 (bazar) − 200
    // = 950.000, delivery 10.000, commission 20.000 → 980.000; expenses 180.000 → SHU 800.000.
    const labaRugi = await waitFor(
      async () => {
        const r = await api<any>(ledger(`/reports/income-statement?year=${YEAR}`), { headers: bend });
        return r.body.shu === 800_000 && r.body.totalPendapatan === 980_000 ? r.body : undefined;
      },
      { what: 'every fact of last year in the books', timeoutMs: 90_000 },
    );
    expect(labaRugi.totalBeban).toBe(180_000);
    await waitFor(
      async () => {
        const n = await api<any>(ledger(`/reports/trial-balance?year=${YEAR}`), { headers: bend });
        const wajib = n.body.rows.find((r: { code: string }) => r.code === '3-1200');
        return wajib?.credit === 180_000 ? n : undefined;
      },
      { what: "last year's savings in last year's months", timeoutMs: 60_000 },
    );

    expect((await api(ledger(`/periods/${YEAR}/close`), { method: 'POST', headers: bend })).status).toBe(200);
    // Bylaws (worked example 2): cadangan 40 %, JM 20 %, JU 25 %, pengurus 5 %, four funds of 2,5 %.
    const allocation = {
      cadangan: 4000,
      jasaModal: 2000,
      jasaUsaha: 2500,
      danaPengurus: 500,
      danaKaryawan: 250,
      danaPendidikan: 250,
      danaSosial: 250,
      danaPembangunanDaerahKerja: 250,
    };
    expect(
      (await api(ledger('/shu/allocation'), { method: 'PUT', headers: ketua, body: allocation })).status,
    ).toBe(200);

    const draft = await api<any>(ledger(`/shu/${YEAR}/draft`), { method: 'POST', headers: bend });
    expect(draft.status).toBe(200);
    // Pools of 800.000: cadangan 320.000, JM 160.000, JU 200.000, pengurus 40.000, 4 × 20.000.
    expect(draft.body.pools).toEqual({
      cadangan: 320_000,
      jasaModal: 160_000,
      jasaUsaha: 200_000,
      danaPengurus: 40_000,
      danaKaryawan: 20_000,
      danaPendidikan: 20_000,
      danaSosial: 20_000,
      danaPembangunanDaerahKerja: 20_000,
    });
    // JM 160.000 by 220.000 / 160.000 / 100.000 of 480.000: 73.333,33 / 53.333,33 / 33.333,33;
    // the rupiah left goes to the first of the equal remainders (by member id): Ani 73.334.
    // JU 200.000 by 400.000 / 200.000 / 200.000 of 800.000: 100.000 / 50.000 / 50.000.
    expect(
      draft.body.members.map((x: any) => [
        x.memberId,
        x.savings,
        x.transactions,
        x.jasaModal,
        x.jasaUsaha,
        x.total,
      ]),
    ).toEqual([
      ['mbr_e2e_ani', 220_000, 400_000, 73_334, 100_000, 173_334],
      ['mbr_e2e_budi', 160_000, 200_000, 53_333, 50_000, 103_333],
      ['mbr_e2e_citra', 100_000, 200_000, 33_333, 50_000, 83_333],
    ]);

    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const approved = await api<any>(ledger(`/shu/${YEAR}/approve`), {
      headers: ketua,
      body: { ratDate: today },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', ratDate: today });

    // Bu Ani, signed in, sees her own line and nobody else's.
    const aniToken = (await signIn(m, ani.phone, ani.password)).auth('ledger');
    const mine = await api<any>(ledger(`/shu/${YEAR}/mine`), { headers: aniToken });
    expect(mine.status).toBe(200);
    expect(mine.body.member).toMatchObject({ memberId: 'mbr_e2e_ani', total: 173_334 });
    expect(JSON.stringify(mine.body)).not.toContain('mbr_e2e_budi');
    expect((await api(ledger(`/shu/${YEAR}`), { headers: aniToken })).status).toBe(403);

    const distributed = await api<any>(ledger(`/shu/${YEAR}/distribute`), {
      headers: bend,
      body: { to: 'sukarela' },
    });
    expect(distributed.status).toBe(200);
    expect(
      (await api(ledger(`/shu/${YEAR}/distribute`), { headers: bend, body: { to: 'sukarela' } })).status,
    ).toBe(409);
    const onKafka = await reader.waitFor(ShuDistributed.type, coop);
    expect(ShuDistributed.envelope.parse(onKafka).data).toMatchObject({
      year: YEAR,
      to: 'sukarela',
      total: 360_000,
      members: [
        { memberId: 'mbr_e2e_ani', amount: 173_334 },
        { memberId: 'mbr_e2e_budi', amount: 103_333 },
        { memberId: 'mbr_e2e_citra', amount: 83_333 },
      ],
    });

    // The books after: appropriation and distribution in this year's open month, all balanced.
    const tb = await api<any>(ledger('/reports/trial-balance'), { headers: bend });
    expect(tb.body.balanced).toBe(true);
    const rows = Object.fromEntries(tb.body.rows.map((r: any) => [r.code, [r.debit, r.credit]]));
    expect(rows['3-3100']).toEqual([800_000, 0]);
    expect(rows['3-2100']).toEqual([0, 320_000]);
    expect(rows['2-1300']).toEqual([360_000, 480_000]);
    expect(rows['2-1200']).toEqual([0, 360_000]);
    const nb = await api<any>(ledger('/reports/balance-sheet'), { headers: bend });
    expect(nb.body.balanced).toBe(true);

    const pdf = await fetch(ledger(`/shu/${YEAR}/rat-pack.pdf`), { headers: bend });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});
