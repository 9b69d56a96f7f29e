import { describe, expect, it } from 'vitest';
import { DEMO_COOPERATIVES, DEMO_MEMBERS, DEMO_SAVINGS_MOVEMENTS, DEMO_SAVINGS_SETTINGS } from './index';

describe('demo savings', () => {
  it('has the bylaws figures of every demo cooperative', () => {
    expect(DEMO_SAVINGS_SETTINGS.map((s) => s.cooperativeId)).toEqual(
      DEMO_COOPERATIVES.map((c) => c.cooperativeId),
    );
  });

  it('records only for anggota of the same cooperative, with receipt numbers unique per cooperative', () => {
    const members = new Map(DEMO_MEMBERS.map((m) => [m.memberId, m]));
    for (const mv of DEMO_SAVINGS_MOVEMENTS) {
      expect(members.get(mv.memberId)?.cooperativeId, mv.receiptNumber).toBe(mv.cooperativeId);
      expect(members.get(mv.memberId)?.roles, mv.receiptNumber).toContain('anggota');
    }
    const keys = DEMO_SAVINGS_MOVEMENTS.map((m) => `${m.cooperativeId}:${m.receiptNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(DEMO_SAVINGS_MOVEMENTS[0]?.receiptNumber).toBe('BS-KA-0001');
  });

  it('pays pokok once at the bylaws amount and never withdraws more sukarela than was deposited', () => {
    const pokok = new Map(DEMO_SAVINGS_SETTINGS.map((s) => [s.cooperativeId, s.pokokAmount]));
    const seen = new Set<string>();
    const sukarela = new Map<string, number>();
    for (const mv of DEMO_SAVINGS_MOVEMENTS) {
      if (mv.kind === 'pokok') {
        expect(mv.amount).toBe(pokok.get(mv.cooperativeId));
        expect(seen.has(mv.memberId), mv.memberId).toBe(false);
        seen.add(mv.memberId);
      }
      if (mv.kind === 'sukarela') {
        const next = (sukarela.get(mv.memberId) ?? 0) + (mv.type === 'withdrawal' ? -mv.amount : mv.amount);
        expect(next).toBeGreaterThanOrEqual(0);
        sukarela.set(mv.memberId, next);
      }
      if (mv.type === 'withdrawal') expect(mv.kind).toBe('sukarela');
    }
  });
});
