import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createNikKeyring,
  decryptNik,
  type EncryptedNik,
  maskNik,
  NikDecryptionError,
  NikKeyError,
  protectNik,
} from './nik';

const NIK = '3573011203900004';
const SALT = 'test-salt-0123456789abcdef';
const key = () => randomBytes(32).toString('base64');
const K1 = key();
const K2 = key();

function encrypted(nik: ReturnType<typeof protectNik>) {
  if (!nik.encrypted) throw new Error('expected an encrypted NIK');
  return nik as typeof nik & { encrypted: EncryptedNik };
}
/** Flips one bit of a base64 field. */
function flip(b64: string, byte = 0): string {
  const buf = Buffer.from(b64, 'base64');
  buf[byte] = (buf[byte] ?? 0) ^ 0x01;
  return buf.toString('base64');
}

describe('NIK encryption (AES-256-GCM)', () => {
  const ring = createNikKeyring({ k1: K1 }, 'k1');

  it('round-trips, with a fresh iv each time and no plaintext in the stored form', () => {
    const a = encrypted(protectNik(NIK, SALT, ring));
    const b = encrypted(protectNik(NIK, SALT, ring));
    expect(decryptNik(a, ring)).toBe(NIK);
    expect(a.encrypted.kid).toBe('k1');
    expect(a.encrypted.iv).not.toBe(b.encrypted.iv);
    expect(a.encrypted.ciphertext).not.toBe(b.encrypted.ciphertext);
    expect(a.hash).toBe(b.hash); // the HMAC still matches for lookups
    expect(a.last4).toBe('0004');
    expect(JSON.stringify(a)).not.toContain(NIK);
  });

  it('detects a modified ciphertext, tag or iv, and a ciphertext moved to another record', () => {
    const n = encrypted(protectNik(NIK, SALT, ring));
    const other = encrypted(protectNik('3573011203900005', SALT, ring));
    const variants = [
      { ...n, encrypted: { ...n.encrypted, ciphertext: flip(n.encrypted.ciphertext, 3) } },
      { ...n, encrypted: { ...n.encrypted, tag: flip(n.encrypted.tag) } },
      { ...n, encrypted: { ...n.encrypted, iv: flip(n.encrypted.iv) } },
      { ...n, encrypted: { ...n.encrypted, tag: n.encrypted.tag.slice(0, 8) } },
      { ...other, encrypted: n.encrypted }, // bound to its own HMAC
    ];
    for (const v of variants) {
      expect(() => decryptNik(v, ring)).toThrow(NikDecryptionError);
    }
  });

  it('rotates: an old kid still decrypts, new writes use the current kid', () => {
    const old = encrypted(protectNik(NIK, SALT, ring));
    const rotated = createNikKeyring({ k1: K1, k2: K2 }, 'k2');
    const fresh = encrypted(protectNik(NIK, SALT, rotated));
    expect(fresh.encrypted.kid).toBe('k2');
    expect(decryptNik(old, rotated)).toBe(NIK);
    expect(decryptNik(fresh, rotated)).toBe(NIK);
    // once k1 is retired, its records no longer decrypt — with a clear reason
    const retired = createNikKeyring({ k2: K2 }, 'k2');
    expect(() => decryptNik(old, retired)).toThrow(expect.objectContaining({ reason: 'unknown-key' }));
  });

  it('fails cleanly with the wrong key under the same kid', () => {
    const n = encrypted(protectNik(NIK, SALT, ring));
    const impostor = createNikKeyring({ k1: K2 }, 'k1');
    let thrown: unknown;
    try {
      decryptNik(n, impostor);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(NikDecryptionError);
    expect((thrown as NikDecryptionError).reason).toBe('tampered-or-wrong-key');
    expect(String((thrown as Error).message)).not.toContain(NIK);
  });

  it('refuses a keyring with a short key, a bad kid or a current kid it lacks', () => {
    expect(() => createNikKeyring({ k1: randomBytes(16).toString('base64') }, 'k1')).toThrow(NikKeyError);
    expect(() => createNikKeyring({ 'bad kid': K1 }, 'bad kid')).toThrow(/key id/);
    expect(() => createNikKeyring({ k1: K1 }, 'k9')).toThrow(/k9/);
    expect(() => createNikKeyring({}, 'k1')).toThrow(NikKeyError);
  });

  it('stores only the HMAC and last 4 without a keyring, and masks as ************1234', () => {
    const n = protectNik(NIK, SALT);
    expect(n.encrypted).toBeUndefined();
    expect(maskNik(n)).toBe('************0004');
    expect(maskNik(null)).toBeNull();
    expect(() => protectNik('12345', SALT, ring)).toThrow();
  });
});
