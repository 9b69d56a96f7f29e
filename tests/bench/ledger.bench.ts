/**
 * Ledger benchmark: posting throughput over the real broker and database, and the report time for
 * a cooperative with a year of data.
 *   pnpm --filter @pasar/tests bench:ledger                    (ORDERS=2000 MEMBERS=100 by default)
 *   ORDERS=50000 MEMBERS=500 pnpm --filter @pasar/tests bench:ledger   (the year)
 * A year of events — cash handovers spread over the twelve months, each member's simpanan pokok
 * and twelve wajib deposits — is published with the kit's producer; the ledger service consumes and
 * posts them (parse, processed-id check, period admission, insert). Throughput is events posted
 * per second from the first send to the last entry written. Then each report is asked for over
 * HTTP as the cooperative's pengurus: the median of five calls; then the year is closed and the
 * balance reports are timed again (they read each settled month's kept totals). Last, SHU for the
 * RAT: every member registered (MemberRegistered with the account), four orders in five bought by a
 * member's account, the allocation set, the year's SHU draft computed and the RAT pack rendered —
 * the report time of laba rugi, neraca, the SHU draft and the RAT pack PDF of the closed year.
 */
import { MemberRegistered, newEvent, OrderCompleted, SavingsDeposited, Topics } from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import { Bus, createLogger } from '@pasar/events';
import { createTestIssuer, serveJwks } from '@pasar/service-kit/testing';
import mongoose from 'mongoose';
import { benchInfra } from './lib/infra';
import { startService } from './lib/services';
import { percentile, report, round } from './lib/stats';

const ORDERS = Number(process.env.ORDERS ?? 2000);
/** Calls per report (the median is printed); OPEN_REPORTS=0 skips the open year's reports (slow at 50,000 orders). */
const REPEAT = Number(process.env.REPEAT ?? 5);
const OPEN_REPORTS = process.env.OPEN_REPORTS !== '0';
const MEMBERS = Number(process.env.MEMBERS ?? 100);
const YEAR = 2025;
const COOP = 'benchkop';

const infra = await benchInfra();
/**
 * BENCH_DB=<run>_ledger times the reports again on the books a previous run of the same ORDERS and
 * MEMBERS left (it stops before dropping them when it fails): nothing is published.
 */
const REUSE = process.env.BENCH_DB?.replace(/_ledger$/, '');
const run = REUSE ?? `bench${Date.now().toString(36)}`;
const bus = new Bus({
  brokers: infra.kafkaBrokers.split(','),
  clientId: 'bench-ledger',
  topicPrefix: `${run}.`,
  logger: createLogger('bench', 'warn'),
});
const dbUrl = new URL(infra.mongoUrl);
dbUrl.pathname = `/${run}_ledger`;
const issuer = await createTestIssuer();
const jwks = await serveJwks(issuer);
const ledger = await startService('ledger', {
  KAFKA_BROKERS: infra.kafkaBrokers,
  KAFKA_TOPIC_PREFIX: `${run}.`,
  MONGO_URL: dbUrl.toString(),
  MEMBERSHIP_JWKS_URL: jwks.url,
  LEDGER_PERIOD_SETTLE_MS: '500',
});
const conn = await mongoose.createConnection(dbUrl.toString(), { retryWrites: false }).asPromise();

const ctx = { source: 'urn:pasar:bench', cooperativeId: COOP };
const at = (i: number, n: number) =>
  new Date(Date.UTC(YEAR, 0, 1) + Math.floor(((i + 0.5) / n) * 364 * 86_400_000)).toISOString();
const timed = <E extends { time: string }>(e: E, time: string): E => ({ ...e, time });

/** Four orders in five are a member's (their account bought them), the fifth a guest's. */
const buyerOf = (i: number) => (i % 5 === 4 ? null : `per_bench${i % MEMBERS}`);
const orders = Array.from({ length: ORDERS }, (_, i) => {
  const orderId = `ord_bench${String(i).padStart(10, '0')}`;
  const data = {
    ...(SAMPLE_DATA[OrderCompleted.type] as object),
    orderId,
    paymentMethod: 'cash',
    cashReceived: 30_000,
    buyerPersonId: buyerOf(i),
  };
  return timed(newEvent(OrderCompleted, orderId, data as never, ctx), at(i, ORDERS));
});
const deposits = Array.from({ length: MEMBERS }, (_, m) => {
  const memberId = `mbr_bench${m}`;
  const base = { memberId, cooperativeId: COOP, method: 'cash' as const, recordedBy: 'per_bench' };
  return [
    timed(
      newEvent(
        SavingsDeposited,
        memberId,
        { ...base, kind: 'pokok', amount: 100_000, receiptNumber: `P${m}` },
        ctx,
      ),
      at(0, 12),
    ),
    ...Array.from({ length: 12 }, (_, month) =>
      timed(
        newEvent(
          SavingsDeposited,
          memberId,
          { ...base, kind: 'wajib', amount: 10_000, months: 1, receiptNumber: `W${m}-${month}` },
          ctx,
        ),
        at(month, 12),
      ),
    ),
  ];
}).flat();
const members = Array.from({ length: MEMBERS }, (_, m) => {
  const memberId = `mbr_bench${m}`;
  const joinedAt = new Date(Date.UTC(YEAR - 1, 6, 1 + (m % 28))).toISOString();
  return timed(
    newEvent(
      MemberRegistered,
      memberId,
      {
        memberId,
        cooperativeId: COOP,
        displayName: `Anggota ${m}`,
        roles: ['anggota'],
        personId: `per_bench${m}`,
        joinedAt,
      },
      ctx,
    ),
    joinedAt,
  );
});
const memberOrders = orders.filter((_, i) => buyerOf(i) !== null).length;
const total = orders.length + deposits.length;

const producer = await bus.producer();
const started = performance.now();
const send = async (topic: string, events: { subject: string }[]) => {
  for (let i = 0; i < events.length; i += 500)
    await producer.send({
      topic: bus.topic(topic),
      messages: events.slice(i, i + 500).map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
    });
};
if (!REUSE)
  await Promise.all([
    send(Topics.ordersOrder.name, orders),
    send(Topics.membershipSavings.name, deposits),
    send(Topics.membershipMember.name, members),
  ]);
const sentMs = performance.now() - started;
const entries = conn.collection('journal_entries');
// Progress from the periods' admission counters (thirteen small documents): counting the journal
// itself is a scan of every entry on FerretDB (16 s at 40,000), which would slow the posting it
// measures. Each admitted posting is written a few milliseconds later; one exact count confirms.
const admitted = async () =>
  (await conn.collection('ledger_periods').find({ cooperativeId: COOP }).toArray()).reduce(
    (s, p) => s + ((p as { admitted?: number }).admitted ?? 0),
    0,
  );
let posted = 0;
while (posted < total) {
  await new Promise((r) => setTimeout(r, 250));
  posted = (await admitted()) >= total ? await entries.countDocuments({ cooperativeId: COOP }) : 0;
  if (performance.now() - started > 45 * 60_000)
    throw new Error(`${await admitted()} of ${total} posted in 45 min`);
}
const postMs = performance.now() - started;
// SHU's read models: every member (the transactions are written with each order's entry, and the
// draft below checks they are all there: Σ transactions = the members' orders × Rp 30.000).
for (;;) {
  const m = await conn.collection('ledger_members').countDocuments({ cooperativeId: COOP });
  if (m === MEMBERS) break;
  if (performance.now() - started > 30 * 60_000) throw new Error(`read models: ${m} members`);
  await new Promise((r) => setTimeout(r, 1_000));
}
const readModelsMs = performance.now() - started;

/** A fresh access token per call: they live minutes, and a year's reports on the open books take longer. */
const bearer = async () =>
  `Bearer ${await issuer.token(
    { personId: 'per_bench', grants: [{ cooperativeId: COOP, roles: ['pengurus'], position: 'bendahara' }] },
    { service: 'ledger' },
  )}`;
async function timeReport(path: string, repeat = REPEAT) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    const res = await fetch(`${ledger.url}/cooperatives/${COOP}/reports/${path}`, {
      headers: { authorization: await bearer() },
    });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    bytes = (await res.arrayBuffer()).byteLength;
    times.push(performance.now() - t0);
  }
  return { medianMs: round(percentile(times, 50)), kiB: round(bytes / 1024, 1) };
}
const tb = (await (
  await fetch(`${ledger.url}/cooperatives/${COOP}/reports/trial-balance?year=${YEAR}`, {
    headers: { authorization: await bearer() },
  })
).json()) as { balanced: boolean; totalDebit: number };
if (!tb.balanced) throw new Error('the trial balance does not balance');
const expectedDebit = ORDERS * 30_000 + MEMBERS * (100_000 + 12 * 10_000);
if (tb.totalDebit !== expectedDebit)
  throw new Error(`total debit ${tb.totalDebit}, expected ${expectedDebit}`);

const open = !OPEN_REPORTS
  ? 'skipped (OPEN_REPORTS=0)'
  : {
      trialBalance: await timeReport(`trial-balance?year=${YEAR}`),
      incomeStatement: await timeReport(`income-statement?year=${YEAR}`),
      balanceSheet: await timeReport(`balance-sheet?year=${YEAR}`),
      generalLedgerKas: await timeReport(`general-ledger/1-1100?from=${YEAR}-12&to=${YEAR}-12`),
      journalDecemberJson: await timeReport(`journal?from=${YEAR}-12&to=${YEAR}-12`),
      trialBalancePdf: await timeReport(`trial-balance?year=${YEAR}&format=pdf`),
    };
// The bendahara closes the year; once settled, the balance reports read each month's kept totals.
const close = await fetch(`${ledger.url}/cooperatives/${COOP}/periods/${YEAR}/close`, {
  method: 'POST',
  headers: { authorization: await bearer() },
});
if (close.status !== 200) throw new Error(`close ${YEAR}: ${close.status} ${await close.text()}`);
await new Promise((r) => setTimeout(r, 1000));
// The first reports sum and keep each settled month's totals: a month at a time, so no one call
// outlasts the HTTP client's 300 s (a month of 4,700 entries takes tens of seconds on FerretDB).
const keepMs = performance.now();
for (let m = 1; m <= 12; m++) await timeReport(`trial-balance?to=${YEAR}-${String(m).padStart(2, '0')}`, 1);
const keptSeconds = round((performance.now() - keepMs) / 1000);
const closed = {
  trialBalance: await timeReport(`trial-balance?year=${YEAR}`),
  incomeStatement: await timeReport(`income-statement?year=${YEAR}`),
  balanceSheet: await timeReport(`balance-sheet?year=${YEAR}`),
};

// SHU for the RAT of the closed year: the allocation, then each report of the pack timed.
async function timeCall(method: string, path: string, body?: unknown) {
  const times: number[] = [];
  let bytes = 0;
  let last: Response | undefined;
  let text = '';
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    last = await fetch(`${ledger.url}/cooperatives/${COOP}${path}`, {
      method,
      headers: {
        authorization: await bearer(),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const buf = Buffer.from(await last.arrayBuffer());
    times.push(performance.now() - t0);
    if (last.status !== 200) throw new Error(`${method} ${path}: ${last.status} ${buf.toString()}`);
    bytes = buf.byteLength;
    text = buf.subarray(0, 5).toString('latin1') === '%PDF-' ? '' : buf.toString('utf8');
  }
  return { medianMs: round(percentile(times, 50)), kiB: round(bytes / 1024, 1), text };
}
const allocation = {
  cadangan: 2500,
  jasaModal: 2000,
  jasaUsaha: 3000,
  danaPengurus: 500,
  danaKaryawan: 500,
  danaPendidikan: 500,
  danaSosial: 500,
  danaPembangunanDaerahKerja: 500,
};
await timeCall('PUT', '/shu/allocation', allocation);
const draft = await timeCall('POST', `/shu/${YEAR}/draft`);
const shuRun = JSON.parse(draft.text) as {
  shu: number;
  totals: { savings: number; transactions: number; jasaModal: number; jasaUsaha: number; members: number };
  pools: { jasaModal: number; jasaUsaha: number };
};
if (shuRun.totals.members !== MEMBERS) throw new Error(`SHU lists ${shuRun.totals.members} members`);
if (shuRun.totals.transactions !== memberOrders * 30_000)
  throw new Error(
    `SHU counts ${shuRun.totals.transactions} of transactions, expected ${memberOrders * 30_000}`,
  );
if (shuRun.totals.savings !== MEMBERS * (100_000 + 12 * 10_000))
  throw new Error(`SHU savings ${shuRun.totals.savings}`);
if (shuRun.totals.jasaModal !== shuRun.pools.jasaModal || shuRun.totals.jasaUsaha !== shuRun.pools.jasaUsaha)
  throw new Error('the members’ shares do not sum to the pools');
const strip = ({ text: _t, ...rest }: Awaited<ReturnType<typeof timeCall>>) => rest;
const shu = {
  shu: shuRun.shu,
  incomeStatement: strip(await timeCall('GET', `/reports/income-statement?year=${YEAR}`)),
  balanceSheet: strip(await timeCall('GET', `/reports/balance-sheet?year=${YEAR}`)),
  shuDraft: strip(draft),
  shuRead: strip(await timeCall('GET', `/shu/${YEAR}`)),
  ratPackPdf: strip(await timeCall('GET', `/shu/${YEAR}/rat-pack.pdf`)),
  ratPackCsv: strip(await timeCall('GET', `/shu/${YEAR}/rat-pack.csv`)),
};

report('ledger', {
  orders: ORDERS,
  members: MEMBERS,
  events: total,
  ...(REUSE
    ? { reusedBooksOf: REUSE }
    : {
        publishSeconds: round(sentMs / 1000),
        postSeconds: round(postMs / 1000),
        postedPerSecond: round(total / (postMs / 1000)),
        membersAndTransactionsSeconds: round(readModelsMs / 1000),
      }),
  keepMonthTotalsSeconds: keptSeconds,
  reports: { openYear: open, closedYear: closed, shuForTheRat: shu },
});

await ledger.stop();
await jwks.close();
await conn.dropDatabase();
await conn.close();
await bus.disconnect();
await infra.stop();
