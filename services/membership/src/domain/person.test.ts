import { describe, expect, it } from 'vitest';
import { isKetuaOf, maskPhone, mergeGrant, normaliseGrant, withGrant } from './person';

describe('grants', () => {
  it('normalise roles into one order and keep a position only for pengurus', () => {
    expect(normaliseGrant('karangbesuki', ['kasir', 'anggota', 'kasir'], 'ketua')).toEqual({
      cooperativeId: 'karangbesuki',
      roles: ['anggota', 'kasir'],
    });
    expect(normaliseGrant('karangbesuki', ['pengurus'], 'bendahara').position).toBe('bendahara');
  });

  it('replace, merge and remove one cooperative without touching the others', () => {
    const grants = [
      normaliseGrant('karangbesuki', ['anggota']),
      normaliseGrant('dinoyo', ['pengurus'], 'ketua'),
    ];
    const merged = mergeGrant(grants, 'karangbesuki', ['kasir']);
    expect(merged.find((g) => g.cooperativeId === 'karangbesuki')?.roles).toEqual(['anggota', 'kasir']);
    expect(isKetuaOf({ grants: merged }, 'dinoyo')).toBe(true);
    const removed = withGrant(merged, normaliseGrant('karangbesuki', []));
    expect(removed.map((g) => g.cooperativeId)).toEqual(['dinoyo']);
  });

  it('masks phones to the prefix and the last four digits', () => {
    expect(maskPhone('+6281234567890')).toBe('+62812****7890');
  });
});
