import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
import {
  decodeHashParams,
  hashPassword,
  PASSWORD_HASH_PARAMS,
  passwordProblem,
  verifyPassword,
} from './password';

describe('password hashing', () => {
  it('produces argon2id v19 with m ≥ 19456 KiB, t ≥ 2, p = 1 (OWASP ASVS 5.0)', async () => {
    const phc = await hashPassword('kata-sandi-yang-panjang');
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    const params = decodeHashParams(phc);
    expect(params.algorithm).toBe('argon2id');
    expect(params.version).toBe(19);
    expect(params.m).toBeGreaterThanOrEqual(19_456);
    expect(params.t).toBeGreaterThanOrEqual(2);
    expect(params.p).toBe(1);
    expect(params).toMatchObject({
      m: PASSWORD_HASH_PARAMS.memoryCost,
      t: PASSWORD_HASH_PARAMS.timeCost,
      p: PASSWORD_HASH_PARAMS.parallelism,
    });
  });

  it('salts every hash and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('sama-saja-2026'), hashPassword('sama-saja-2026')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'sama-saja-2026')).toBe(true);
    expect(await verifyPassword(a, 'sama-saja-2027')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});

describe('password policy', () => {
  it('needs 8 to 128 characters (counted as characters, not bytes)', () => {
    expect(passwordProblem('pendek7')).toMatch(/at least 8/);
    expect(passwordProblem('delapan8')).toBeNull();
    expect(passwordProblem('a'.repeat(128))).toBeNull();
    expect(passwordProblem('a'.repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem('kopi☕☕☕☕')).toBeNull();
  });

  it('refuses the common passwords, Indonesian ones included, in any case', () => {
    for (const p of ['password', '12345678', 'qwerty123', 'indonesia', 'bismillah', 'sayangku', 'BISMILLAH'])
      expect(passwordProblem(p), p).toMatch(/common/);
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(100);
    expect(passwordProblem('karbes-kasir-2026')).toBeNull();
  });
});
