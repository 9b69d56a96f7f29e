import { describe, expect, it } from 'vitest';
import { MobilePhoneSchema, normaliseIndonesianPhone } from './phone';

describe('the one Indonesian mobile phone rule', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(0812) 3456.789', '+628123456789'],
    ['0812345678', '+62812345678'],
  ])('%s → %s', (raw, e164) => {
    expect(normaliseIndonesianPhone(raw)).toBe(e164);
    expect(MobilePhoneSchema.parse(raw)).toBe(e164);
  });

  it.each(['0341-551234', '081234567', '0812', '+1 415 555 0100', '08123456789012345', 'abc', ''])(
    'rejects %s',
    (raw) => {
      expect(normaliseIndonesianPhone(raw)).toBeUndefined();
      const r = MobilePhoneSchema.safeParse(raw);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues[0]?.message).toContain('Indonesian mobile');
    },
  );
});
