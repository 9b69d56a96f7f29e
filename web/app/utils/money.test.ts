import { describe, expect, it } from 'vitest';
import { formatRupiah } from './money';

// id-ID puts a non-breaking space between "Rp" and the amount.
const NBSP = '\u00a0';

describe('formatRupiah', () => {
  it('groups thousands with dots and shows no decimals', () => {
    expect(formatRupiah(15_000)).toBe(`Rp${NBSP}15.000`);
    expect(formatRupiah(1_250_000)).toBe(`Rp${NBSP}1.250.000`);
  });

  it('formats zero (free pickup) as Rp 0', () => {
    expect(formatRupiah(0)).toBe(`Rp${NBSP}0`);
  });

  it('refuses fractions of a rupiah: money is whole integers', () => {
    expect(() => formatRupiah(1500.5)).toThrow(RangeError);
  });
});
