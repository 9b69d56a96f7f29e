import { describe, expect, it } from 'vitest';
import { normaliseIndonesianPhone } from './phone';

describe('Indonesian phone numbers', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(0812) 345.678', '+62812345678'],
  ])('normalises %s to %s', (raw, e164) => {
    expect(normaliseIndonesianPhone(raw)).toBe(e164);
  });

  it.each(['', '0812', '0212345678', '+6512345678', '08123456789012345', 'nomor saya', '+62 0812 3456 7890'])(
    'refuses %j',
    (raw) => {
      expect(normaliseIndonesianPhone(raw)).toBeUndefined();
    },
  );
});
