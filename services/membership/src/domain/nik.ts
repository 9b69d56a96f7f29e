import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { NikSchema } from '@pasar/contracts';
import { hashNik } from '@pasar/service-kit';

/** NIK: the 16-digit national ID number; the one rule (and its hash) is shared with orders. */
export { NikSchema };

/** The full NIK under AES-256-GCM; every part base64. `kid` names the key, so keys can rotate. */
export interface EncryptedNik {
  kid: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

export interface ProtectedNik {
  /** Salted SHA-256 (HMAC-SHA-256 keyed by a secret salt kept outside the database), hex: for matching. */
  hash: string;
  /** Enough for staff to confirm "the one ending in 1234" with the member; useless on its own. */
  last4: string;
  /** The full number, encrypted: only a pengurus may have it decrypted (each view audited). */
  encrypted?: EncryptedNik;
}

/** The encryption keys from the environment: every key by id, and the one new writes use. */
export interface NikKeyring {
  currentKid: string;
  keys: ReadonlyMap<string, Buffer>;
}

export class NikKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NikKeyError';
  }
}

/** Decryption refused: unknown key id, or the ciphertext, tag, iv or binding was altered. */
export class NikDecryptionError extends Error {
  constructor(readonly reason: 'unknown-key' | 'tampered-or-wrong-key') {
    super(`NIK could not be decrypted (${reason})`);
    this.name = 'NikDecryptionError';
  }
}

export const NIK_KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;
const IV_BYTES = 12; // the GCM nonce size NIST recommends; random per encryption
const TAG_BYTES = 16;

/** Builds a keyring from `{kid: base64 of 32 bytes}` and the current kid; throws NikKeyError naming what is wrong. */
export function createNikKeyring(keys: Record<string, string>, currentKid: string): NikKeyring {
  const map = new Map<string, Buffer>();
  for (const [kid, b64] of Object.entries(keys)) {
    if (!NIK_KEY_ID.test(kid)) throw new NikKeyError(`key id "${kid}" must be 1-32 of A-Z a-z 0-9 _ -`);
    const key = Buffer.from(b64, 'base64');
    if (key.length !== KEY_BYTES || key.toString('base64') !== b64.replace(/\s/g, ''))
      throw new NikKeyError(`key "${kid}" must be base64 of exactly ${KEY_BYTES} bytes`);
    map.set(kid, key);
  }
  if (map.size === 0) throw new NikKeyError('at least one key is needed');
  if (!map.has(currentKid)) throw new NikKeyError(`the current key id "${currentKid}" is not among the keys`);
  return { currentKid, keys: map };
}

/**
 * Additional authenticated data: the ciphertext is bound to the HMAC stored beside it, so an
 * encrypted NIK copied onto another record (with another hash) does not decrypt there.
 */
const aad = (hash: string) => Buffer.from(`pasar.nik.v1|${hash}`, 'utf8');

export function encryptNik(nik: string, hash: string, keyring: NikKeyring): EncryptedNik {
  const key = keyring.keys.get(keyring.currentKid);
  if (!key) throw new NikKeyError(`the current key id "${keyring.currentKid}" has no key`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(hash));
  const ciphertext = Buffer.concat([cipher.update(NikSchema.parse(nik), 'utf8'), cipher.final()]);
  return {
    kid: keyring.currentKid,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The full NIK, decrypted with the key its `kid` names. Throws NikDecryptionError, never returns garbage. */
export function decryptNik(nik: ProtectedNik & { encrypted: EncryptedNik }, keyring: NikKeyring): string {
  const { kid, iv, tag, ciphertext } = nik.encrypted;
  const key = keyring.keys.get(kid);
  if (!key) throw new NikDecryptionError('unknown-key');
  const tagBytes = Buffer.from(tag, 'base64');
  const ivBytes = Buffer.from(iv, 'base64');
  if (tagBytes.length !== TAG_BYTES || ivBytes.length !== IV_BYTES)
    throw new NikDecryptionError('tampered-or-wrong-key');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(nik.hash));
    decipher.setAuthTag(tagBytes);
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
    const value = plain.toString('utf8');
    if (!NikSchema.safeParse(value).success) throw new Error('not a NIK');
    return value;
  } catch {
    throw new NikDecryptionError('tampered-or-wrong-key');
  }
}

/**
 * The only form in which a NIK is stored: the HMAC for matching, the last four digits, and (given
 * a keyring) the full number encrypted. The raw number never leaves this function in the clear:
 * not in the database, not in events, not in logs. See README "Personal data".
 */
export function protectNik(nik: string, salt: string, keyring?: NikKeyring): ProtectedNik {
  const valid = NikSchema.parse(nik);
  const hash = hashNik(valid, salt);
  return {
    hash,
    last4: valid.slice(-4),
    ...(keyring ? { encrypted: encryptNik(valid, hash, keyring) } : {}),
  };
}

/** How a NIK is shown everywhere but the pengurus' audited view: "************1234". */
export function maskNik(nik: Pick<ProtectedNik, 'last4'> | null | undefined): string | null {
  return nik ? `${'*'.repeat(12)}${nik.last4}` : null;
}
