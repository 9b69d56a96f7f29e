import { describe, expect, it } from 'vitest';
import { NotaNumberSchema } from '@pasar/contracts';
import { jakartaDay, jakartaDayRange, jakartaYear } from './jakarta-time';
import { cooperativeCode, formatNotaNumber } from './nota';

describe('nota numbers', () => {
  it('derives the short code from the cooperative id', () => {
    expect(cooperativeCode('karangbesuki')).toBe('KAR');
    expect(cooperativeCode('kmp-dinoyo')).toBe('KMP');
    expect(cooperativeCode('x1')).toBe('XX');
  });

  it('formats a number the contract accepts', () => {
    const n = formatNotaNumber('KAR', 2026, 123);
    expect(n).toBe('KAR-2026-000123');
    expect(NotaNumberSchema.safeParse(n).success).toBe(true);
    expect(formatNotaNumber('KAR', 2026, 1_234_567)).toBe('KAR-2026-1234567');
  });

  it('counts years and days in Asia/Jakarta', () => {
    const newYearsEveWib = new Date('2026-12-31T17:30:00Z'); // 1 Jan 2027 00:30 WIB
    expect(jakartaYear(newYearsEveWib)).toBe(2027);
    expect(jakartaDay(newYearsEveWib)).toBe('2027-01-01');
    expect(jakartaDayRange('2027-01-01').start.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(jakartaDayRange('2027-01-01').end.toISOString()).toBe('2027-01-01T17:00:00.000Z');
  });
});
