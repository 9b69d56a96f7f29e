import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** Crockford base32 without I, L, O, U: readable aloud and over the phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RESET_CODE_TTL_SECONDS = 24 * 60 * 60;

/** 12 symbols (60 bits) shown as XXXX-XXXX-XXXX; the pengurus passes it to the person. */
export function newResetCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** What people may type: any case, with or without dashes and spaces. */
export function normaliseResetCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function resetCodeDigest(code: string): string {
  return createHash('sha256').update(normaliseResetCode(code), 'utf8').digest('hex');
}

export function resetCodeMatches(storedDigest: string, candidate: string): boolean {
  const a = Buffer.from(storedDigest, 'hex');
  const b = Buffer.from(resetCodeDigest(candidate), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
