import { describe, expect, it } from 'vitest';
import { commissionOf, DEFAULT_SETTINGS, rateFor } from './commission';

describe('commissionOf (round half up per line, whole rupiah)', () => {
  it.each([
    // lineTotal, bps, commission, why
    [30_000, 1000, 3_000, 'exact: 10 % of Rp 30.000'],
    [12_345, 1000, 1_235, '1.234,5 rounds up'],
    [12_344, 1000, 1_234, '1.234,4 rounds down'],
    [15, 1000, 2, '1,5 rounds up'],
    [14, 1000, 1, '1,4 rounds down'],
    [1, 4999, 0, '0,4999 rounds down'],
    [1, 5000, 1, '0,5 rounds up'],
    [0, 1000, 0, 'nothing sold, nothing kept'],
    [25_000, 0, 0, 'no commission'],
    [25_000, 10_000, 25_000, '100 %'],
    [999_999_999_999, 9_999, 999_899_999_999, 'largest total: no float error'],
  ])('%i at %i bps → %i (%s)', (lineTotal, bps, expected) => {
    expect(commissionOf(lineTotal, bps)).toBe(expected);
  });
});

describe('rateFor', () => {
  const settings = { commissionBps: 1000, categoryBps: { 'makanan-ringan': 1500, minuman: 0 } };
  it.each([
    ['makanan-ringan', 1500],
    ['minuman', 0],
    ['sembako', 1000],
    [null, 1000],
  ] as const)('%s → %i bps', (category, bps) => {
    expect(rateFor(settings, category)).toBe(bps);
  });
  it('defaults to 10 % when a cooperative never set a rate', () => {
    expect(rateFor(DEFAULT_SETTINGS, 'sembako')).toBe(1000);
  });
});
