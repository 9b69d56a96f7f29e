import { newEvent, ShuDistributed } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { balancesOf } from '../domain/account';
import { aMember, savingsDeps } from '../testing/fakes';
import { applyShuDistributed } from './apply-shu';

const COOP = 'karangbesuki';
const shu = (to: 'sukarela' | 'cash' | 'transfer', members: { memberId: string; amount: number }[]) =>
  newEvent(
    ShuDistributed,
    COOP,
    {
      cooperativeId: COOP,
      year: 2025,
      shuId: 'shu_kb_2025',
      to,
      members,
      total: members.reduce((s, m) => s + m.amount, 0),
      distributedBy: 'per_kb_bendahara',
      distributedAt: '2026-03-01T03:00:00.000Z',
    },
    { source: 'urn:pasar:ledger', cooperativeId: COOP },
  );

async function twoMembers() {
  const ctx = savingsDeps();
  await ctx.members.insert(aMember({ memberId: 'mbr_sri' }), []);
  await ctx.members.insert(aMember({ memberId: 'mbr_rina' }), []);
  await ctx.members.insert(aMember({ memberId: 'mbr_dn_x', cooperativeId: 'dinoyo' }), []);
  return ctx;
}

describe('ShuDistributed', () => {
  it('credits each member’s sukarela once, publishes nothing, and a redelivery credits nothing twice', async () => {
    const { deps, store } = await twoMembers();
    const event = shu('sukarela', [
      { memberId: 'mbr_sri', amount: 12_500 },
      { memberId: 'mbr_rina', amount: 7_500 },
    ]);
    expect(await applyShuDistributed(deps, event)).toEqual({ applied: 2, unchanged: 0 });
    expect(await applyShuDistributed(deps, { ...event, id: crypto.randomUUID() })).toEqual({
      applied: 0,
      unchanged: 2,
    });
    const sri = (await store.getAccount(COOP, 'mbr_sri'))!;
    expect(balancesOf(sri)).toEqual({ pokok: 0, wajib: 0, sukarela: 12_500 });
    expect(sri.movements[0]).toMatchObject({
      movementId: 'shu:shu_kb_2025',
      source: 'shu',
      recordedBy: 'per_kb_bendahara',
      receivedAt: new Date('2026-03-01T03:00:00.000Z'),
      shu: { shuId: 'shu_kb_2025', year: 2025 },
    });
    expect(store.events).toEqual([]);
  });

  it('an SHU paid out in cash is a history line only', async () => {
    const { deps, store } = await twoMembers();
    await applyShuDistributed(deps, shu('cash', [{ memberId: 'mbr_sri', amount: 12_500 }]));
    const sri = (await store.getAccount(COOP, 'mbr_sri'))!;
    expect(sri.movements).toMatchObject([{ type: 'shu_paid_out', amount: 12_500, method: 'cash' }]);
    expect(balancesOf(sri).sukarela).toBe(0);
  });

  it('applies the members it knows, then refuses one it does not know (another cooperative’s, too)', async () => {
    const { deps, store } = await twoMembers();
    const event = shu('sukarela', [
      { memberId: 'mbr_sri', amount: 1_000 },
      { memberId: 'mbr_dn_x', amount: 2_000 },
      { memberId: 'mbr_ghost', amount: 3_000 },
    ]);
    await expect(applyShuDistributed(deps, event)).rejects.toThrow(/mbr_dn_x, mbr_ghost/);
    expect(balancesOf((await store.getAccount(COOP, 'mbr_sri'))!).sukarela).toBe(1_000);
    expect(await store.getAccount(COOP, 'mbr_dn_x')).toBeNull();
    expect(await store.getAccount('dinoyo', 'mbr_dn_x')).toBeNull();
  });
});
