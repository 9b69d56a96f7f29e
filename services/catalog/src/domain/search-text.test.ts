import { describe, expect, it } from 'vitest';
import { escapeRegex, foldText, searchTerms, searchTextOf } from './search-text';

describe('search text folding', () => {
  it('lowercases, strips accents and collapses whitespace', () => {
    expect(foldText('  Kópi   TUBRUK\tÀrabika ')).toBe('kopi tubruk arabika');
  });

  it('folds name and description into one searchable field', () => {
    expect(searchTextOf({ name: 'Keripik Tempe Bu Sri', description: 'Renyah, khas Malang' })).toBe(
      'keripik tempe bu sri renyah, khas malang',
    );
  });

  it('splits a query into distinct folded terms', () => {
    expect(searchTerms(' Kerípik  keripik TEMPE ')).toEqual(['keripik', 'tempe']);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it('escapes regex syntax so a query is matched literally', () => {
    const pattern = new RegExp(escapeRegex('(isi 40)+.*'));
    expect(pattern.test('mi instan (isi 40)+.*')).toBe(true);
    expect(pattern.test('mi instan isi 40')).toBe(false);
  });
});
