import { DomainError } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { aMember, savingsDeps } from '../testing/fakes';
import type { Actor } from '../../use-cases/audit';
import { recordDeposit, recordWithdrawal } from './record-movement';

const KASIR: Actor = { personId: 'per_kasir', roles: ['kasir'] };
const COOP = 'karangbesuki';

async function withSri() {
  const ctx = savingsDeps();
  await ctx.members.insert(aMember({ memberId: 'mbr_sri' }), []);
  await recordDeposit(ctx.deps, KASIR, COOP, 'mbr_sri', {
    kind: 'sukarela',
    amount: 50_000,
    method: 'cash',
    receiptNumber: 'BS-1',
  });
  return ctx;
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('recording at the counter', () => {
  it('a withdrawal that loses the race is decided again, refused, and frees its receipt number', async () => {
    const { deps, store } = await withSri();
    const save = store.saveAccount.bind(store);
    let raced = false;
    store.saveAccount = async (a, events) => {
      if (!raced) {
        raced = true;
        // Another kasir's withdrawal is saved between this one's decision and its write.
        await recordWithdrawal(deps, KASIR, COOP, 'mbr_sri', {
          amount: 30_000,
          method: 'cash',
          receiptNumber: 'BT-OTHER',
        });
      }
      return save(a, events);
    };
    const code = await refusal(
      recordWithdrawal(deps, KASIR, COOP, 'mbr_sri', {
        amount: 30_000,
        method: 'cash',
        receiptNumber: 'BT-MINE',
      }),
    );
    expect(code).toBe('SAVINGS.INSUFFICIENT');
    expect(await store.getReceipt(COOP, 'BT-MINE')).toBeNull();
    expect((await store.getAccount(COOP, 'mbr_sri'))?.movements.map((m) => m.receiptNumber)).toEqual([
      'BS-1',
      'BT-OTHER',
    ]);
  });

  it('a crash between the receipt claim and the write is finished by the same request again', async () => {
    const { deps, store } = await withSri();
    const save = store.saveAccount.bind(store);
    store.saveAccount = async () => {
      throw new Error('connection lost');
    };
    const req = { kind: 'sukarela' as const, amount: 5_000, method: 'cash' as const, receiptNumber: 'BS-2' };
    await expect(recordDeposit(deps, KASIR, COOP, 'mbr_sri', req)).rejects.toThrow('connection lost');
    const claim = await store.getReceipt(COOP, 'BS-2');
    expect(claim?.movementId).toMatch(/^svm_/);
    store.saveAccount = save;
    // Another content cannot take the number; the same request records the claimed movement.
    expect(await refusal(recordDeposit(deps, KASIR, COOP, 'mbr_sri', { ...req, amount: 6_000 }))).toBe(
      'SAVINGS.RECEIPT_USED',
    );
    const done = await recordDeposit(deps, KASIR, COOP, 'mbr_sri', req);
    expect(done).toMatchObject({ replayed: false, movement: { movementId: claim?.movementId } });
    expect((await recordDeposit(deps, KASIR, COOP, 'mbr_sri', req)).replayed).toBe(true);
    expect(store.events.filter((e) => e.type === 'pasar.membership.savings.deposited')).toHaveLength(2);
  });

  it('gives up with SAVINGS.BUSY after losing twenty races', async () => {
    const { deps, store } = await withSri();
    store.saveAccount = async () => false;
    expect(
      await refusal(
        recordDeposit(deps, KASIR, COOP, 'mbr_sri', {
          kind: 'sukarela',
          amount: 1,
          method: 'cash',
          receiptNumber: 'BS-3',
        }),
      ),
    ).toBe('SAVINGS.BUSY');
  });
});
