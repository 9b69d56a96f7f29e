import { AuditRecorded, SavingsDeposited, SavingsWithdrawn } from '@pasar/contracts';
import { createLogger } from '@pasar/events';
import { DomainError } from '@pasar/service-kit';
import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeMembers } from '../../testing/fakes';
import type { Actor } from '../../use-cases/audit';
import { aMember } from '../testing/fakes';
import { listArrears } from '../use-cases/list-arrears';
import type { SavingsDeps } from '../use-cases/ports';
import { getMemberSavings } from '../use-cases/read-savings';
import { recordDeposit, recordWithdrawal } from '../use-cases/record-movement';
import { createSavingsStore } from './savings.store';

let db: Awaited<ReturnType<typeof testDatabase>>;
let deps: SavingsDeps;
const nudged: string[] = [];
const members = new FakeMembers();
const KASIR: Actor = { personId: 'per_kasir', roles: ['kasir'] };
const BENDAHARA: Actor = { personId: 'per_bendahara', roles: ['anggota', 'pengurus'] };
const COOP = 'karangbesuki';

beforeAll(async () => {
  db = await testDatabase('membership-savings');
  const mongo = createSavingsStore(db.conn);
  await mongo.init();
  deps = {
    store: mongo.store,
    members,
    logger: createLogger('savings-int', 'silent'),
    onEventsWritten: (d) => nudged.push(`${d.collection}/${d.id}`),
  };
  for (const id of ['mbr_race', 'mbr_idem', 'mbr_outbox', 'mbr_paid', 'mbr_owes'])
    await members.insert(aMember({ memberId: id, createdAt: new Date('2026-01-05T02:00:00Z') }), []);
});
afterAll(() => db?.drop());

const accounts = () => db.conn.collection('savings_accounts');
const codeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'rejected' && r.reason instanceof DomainError ? r.reason.code : r.status;

describe('savings on FerretDB', () => {
  it('ten withdrawals at once never take sukarela below zero: exactly what fits is paid', async () => {
    await recordDeposit(deps, KASIR, COOP, 'mbr_race', {
      kind: 'sukarela',
      amount: 90_000,
      method: 'cash',
      receiptNumber: 'RACE-IN',
    });
    // Ten counters at once, Rp 40.000 each: only two fit into Rp 90.000.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        recordWithdrawal(deps, i % 2 ? KASIR : BENDAHARA, COOP, 'mbr_race', {
          amount: 40_000,
          method: 'cash',
          receiptNumber: `RACE-OUT-${i}`,
        }),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'fulfilled')).toHaveLength(2);
    expect(codes.filter((c) => c === 'SAVINGS.INSUFFICIENT')).toHaveLength(8);
    const savings = await getMemberSavings(deps, COOP, 'mbr_race', { limit: 20 });
    expect(savings.balances.sukarela).toBe(10_000);
    expect(savings.history.items.map((m) => m.balanceAfter)).toEqual([10_000, 50_000, 90_000]);
    // The eight refused ones gave their receipt numbers back.
    const claims = await db.conn
      .collection('savings_receipts')
      .countDocuments({ cooperativeId: COOP, memberId: 'mbr_race' });
    expect(claims).toBe(3);
    const doc = await accounts().findOne({ _id: `${COOP}:mbr_race` as never });
    expect(doc?.summary).toMatchObject({ sukarela: 10_000, movements: 3 });
  });

  it('the same receipt sent five times at once is one deposit; other content on it is refused', async () => {
    const req = {
      kind: 'wajib' as const,
      amount: 20_000,
      method: 'transfer' as const,
      receiptNumber: 'IDEM-1',
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => recordDeposit(deps, KASIR, COOP, 'mbr_idem', req)),
    );
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.movement.movementId)).size).toBe(1);
    const doc = await accounts().findOne({ _id: `${COOP}:mbr_idem` as never });
    expect(doc?.movements).toHaveLength(1);
    expect(
      doc?.outbox.filter((o: { envelope: { type: string } }) => o.envelope.type === SavingsDeposited.type),
    ).toHaveLength(1);
    const other = await Promise.allSettled([
      recordDeposit(deps, KASIR, COOP, 'mbr_idem', { ...req, amount: 30_000 }),
      recordDeposit(deps, KASIR, COOP, 'mbr_outbox', req),
    ]);
    expect(other.map(codeOf)).toEqual(['SAVINGS.RECEIPT_USED', 'SAVINGS.RECEIPT_USED']);
  });

  it('writes the movement, its event and its audit entry into the account document in one write', async () => {
    const out = await recordDeposit(deps, BENDAHARA, COOP, 'mbr_outbox', {
      kind: 'pokok',
      amount: 100_000,
      method: 'cash',
      receiptNumber: 'OUTBOX-1',
      receivedAt: new Date('2026-02-03T03:00:00Z'),
    });
    await recordDeposit(deps, BENDAHARA, COOP, 'mbr_outbox', {
      kind: 'sukarela',
      amount: 5_000,
      method: 'cash',
      receiptNumber: 'OUTBOX-2',
    });
    await recordWithdrawal(deps, BENDAHARA, COOP, 'mbr_outbox', {
      amount: 5_000,
      method: 'transfer',
      receiptNumber: 'OUTBOX-3',
    });
    const doc = await accounts().findOne({ _id: `${COOP}:mbr_outbox` as never });
    const envelopes = (doc?.outbox ?? []).map((o: { envelope: Record<string, unknown> }) => o.envelope);
    expect(envelopes.map((e: { type: string }) => e.type)).toEqual([
      SavingsDeposited.type,
      AuditRecorded.type,
      SavingsDeposited.type,
      AuditRecorded.type,
      SavingsWithdrawn.type,
      AuditRecorded.type,
    ]);
    const deposited = SavingsDeposited.envelope.parse(envelopes[0]);
    expect(deposited).toMatchObject({
      subject: 'mbr_outbox',
      data: {
        memberId: 'mbr_outbox',
        kind: 'pokok',
        amount: 100_000,
        receiptNumber: 'OUTBOX-1',
        recordedBy: 'per_bendahara',
        receivedAt: '2026-02-03T03:00:00.000Z',
      },
    });
    expect(AuditRecorded.envelope.parse(envelopes[1]).data).toMatchObject({
      action: 'membership.savings.deposited',
      after: { movementId: out.movement.movementId },
    });
    expect(SavingsWithdrawn.envelope.parse(envelopes[4]).data).toMatchObject({
      amount: 5_000,
      method: 'transfer',
    });
    expect(nudged).toContain(`accounts/${COOP}:mbr_outbox`);
  });

  it('lists arrears from the stored balances', async () => {
    await recordDeposit(deps, KASIR, COOP, 'mbr_paid', {
      kind: 'pokok',
      amount: 100_000,
      method: 'cash',
      receiptNumber: 'PAID-1',
    });
    await recordDeposit(deps, KASIR, COOP, 'mbr_paid', {
      kind: 'wajib',
      amount: 600_000,
      method: 'cash',
      receiptNumber: 'PAID-2',
    });
    const list = await listArrears(deps, COOP, { limit: 50, offset: 0 });
    const ids = list.items.map((r) => r.memberId);
    expect(ids).not.toContain('mbr_paid');
    const owes = list.items.find((r) => r.memberId === 'mbr_owes');
    expect(owes).toMatchObject({ pokokDue: 100_000, paidThrough: null });
    expect(owes?.arrearsAmount).toBe(owes!.monthsDue * 10_000);
    expect(list.totals.members).toBe(5);
  });
});
