import { MemberAccountLinked, MemberRegistered, SavingsDeposited } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { fakeApp } from '../testing/fakes';
import { event, shuWorld } from '../testing/shu-world';

const COOP = 'karangbesuki';

describe('savings booked in the receipt’s month (receivedAt)', () => {
  const deposit = (receivedAt: string | undefined, time: string) =>
    event(
      SavingsDeposited,
      'mbr_a',
      {
        memberId: 'mbr_a',
        cooperativeId: COOP,
        kind: 'wajib',
        amount: 30_000,
        months: 3,
        method: 'cash',
        receiptNumber: 'BS-1',
        recordedBy: 'per_bendahara',
        ...(receivedAt ? { receivedAt } : {}),
      },
      time,
    );

  it('books a bukti setor entered in February in January, its receipt’s month', async () => {
    const ctx = fakeApp();
    const e = deposit('2026-01-30T02:00:00Z', '2026-02-03T03:00:00Z');
    await shuWorld(ctx.deps, COOP).deliver(e);
    const entry = ctx.journal.rows.get(`je_${e.id}`);
    expect(entry).toMatchObject({ period: '2026-01', occurredAt: '2026-01-30T02:00:00.000Z' });
    expect(entry?.lateFor).toBeUndefined();
    expect(ctx.members.savings.get(e.id)).toMatchObject({
      memberId: 'mbr_a',
      kind: 'wajib',
      amount: 30_000,
      period: '2026-01',
    });
  });

  it('without receivedAt, books it at the event’s time', async () => {
    const ctx = fakeApp();
    const e = deposit(undefined, '2026-02-03T03:00:00Z');
    await shuWorld(ctx.deps, COOP).deliver(e);
    expect(ctx.journal.rows.get(`je_${e.id}`)?.period).toBe('2026-02');
  });

  it('a receipt of a closed month goes to the next open one, marked late, and counts there', async () => {
    const ctx = fakeApp();
    await ctx.deps.periods.close(COOP, '2026-01', 'per_bendahara', new Date(), []);
    const e = deposit('2026-01-30T02:00:00Z', '2026-02-03T03:00:00Z');
    await shuWorld(ctx.deps, COOP).deliver(e);
    expect(ctx.journal.rows.get(`je_${e.id}`)).toMatchObject({ period: '2026-02', lateFor: '2026-01' });
    expect(ctx.members.savings.get(e.id)?.period).toBe('2026-02');
  });
});

describe('the facts SHU reads', () => {
  it('remembers a member once however often MemberRegistered arrives; joinedAt falls back to the event time', async () => {
    const ctx = fakeApp();
    const w = shuWorld(ctx.deps, COOP);
    const e = event(
      MemberRegistered,
      'mbr_x',
      { memberId: 'mbr_x', cooperativeId: COOP, displayName: 'Bu X', roles: ['anggota'] },
      '2025-05-01T03:00:00Z',
    );
    await w.deliver(e);
    await w.deliver(e);
    expect(await ctx.members.members(COOP)).toEqual([
      {
        memberId: 'mbr_x',
        cooperativeId: COOP,
        displayName: 'Bu X',
        personId: null,
        joinedAt: '2025-05-01T03:00:00.000Z',
      },
    ]);
  });

  it('learns a member’s account from MemberAccountLinked; a redelivered registration does not forget it', async () => {
    const ctx = fakeApp();
    const w = shuWorld(ctx.deps, COOP);
    const registered = event(
      MemberRegistered,
      'mbr_w',
      { memberId: 'mbr_w', cooperativeId: COOP, displayName: 'Bu W', roles: ['anggota'] },
      '2025-01-10T03:00:00Z',
    );
    const linked = event(
      MemberAccountLinked,
      'mbr_w',
      { memberId: 'mbr_w', cooperativeId: COOP, personId: 'per_w' },
      '2026-12-01T03:00:00Z',
    );
    await w.deliver(registered);
    await w.deliver(linked);
    await w.deliver(registered);
    expect((await ctx.members.memberByPerson(COOP, 'per_w'))?.memberId).toBe('mbr_w');
    // Another cooperative's id, or a member never registered: refused (retried, then the DLQ).
    const stray = event(
      MemberAccountLinked,
      'mbr_nobody',
      { memberId: 'mbr_nobody', cooperativeId: COOP, personId: 'per_z' },
      '2026-12-01T03:00:00Z',
    );
    await expect(w.deliver(stray)).rejects.toThrow(/unknown member mbr_nobody/);
  });

  it('counts a signed-in buyer’s goods without the delivery fee, and nothing for a guest', async () => {
    const ctx = fakeApp();
    const w = shuWorld(ctx.deps, COOP);
    const mine = await w.purchase('per_ani', 120_000, '2025-04-12T03:00:00Z', 7_000);
    await w.deliver(mine.event);
    await w.purchase(null, 80_000, '2025-04-13T03:00:00Z');
    expect([...ctx.members.transactions.values()]).toEqual([
      {
        id: `purchase-${mine.event.id}`,
        cooperativeId: COOP,
        kind: 'purchase',
        personId: 'per_ani',
        memberId: null,
        orderId: mine.orderId,
        amount: 120_000,
        period: '2025-04',
      },
    ]);
  });

  it('counts a seller’s consignment gross at the handover, and not a sale undone before it', async () => {
    const ctx = fakeApp();
    const w = shuWorld(ctx.deps, COOP);
    const sold = await w.consignment('mbr_c', 100_000, 10_000, '2025-09-05T03:00:00Z');
    await w.consignment('mbr_c', 70_000, 7_000, '2025-10-01T03:00:00Z', true);
    expect([...ctx.members.transactions.values()]).toEqual([
      expect.objectContaining({
        id: `consignment-${sold}-mbr_c`,
        kind: 'consignment',
        memberId: 'mbr_c',
        amount: 100_000,
        period: '2025-09',
      }),
    ]);
  });
});
