import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashNik } from './nik-hash';

const NIK = '3573011203900004';
const SALT = 'test-salt-0123456789abcdef';

describe('hashNik', () => {
  it('is the HMAC-SHA-256 of the NIK keyed by the salt, hex (as membership has always stored it)', () => {
    expect(hashNik(NIK, SALT)).toBe(createHmac('sha256', SALT).update(NIK).digest('hex'));
    expect(hashNik(NIK, SALT)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('depends on the salt and on every digit', () => {
    expect(hashNik(NIK, SALT)).not.toBe(hashNik(NIK, `${SALT}x`));
    expect(hashNik(NIK, SALT)).not.toBe(hashNik('3573011203900005', SALT));
  });

  it('refuses what is not a NIK', () => {
    expect(() => hashNik('12345', SALT)).toThrow();
  });
});
