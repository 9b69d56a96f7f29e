import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** No 0/O, 1/I/L: read aloud at the outlet's counter without confusion. */
export const PICKUP_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Cart ids come from the service kit's `randomId('crt')`: `crt_` + 22 base62 characters (~131 bits). */
export const CART_ID_PATTERN = /^crt_[0-9A-Za-z]{22}$/;
export const ACCESS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function randomChars(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/**
 * The order id for an Idempotency-Key: `ord_` + 26 Crockford base32 characters (130 bits) of
 * SHA-256(key). A duplicate POST therefore collides on `_id`, which every engine checks by index.
 * The key is a random value the client keeps for one checkout; the id alone opens nothing (the
 * access token does).
 */
export function orderIdForKey(idempotencyKey: string): string {
  const digest = createHash('sha256').update(`pasar:orders:idempotency:${idempotencyKey}`).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return `ord_${out}`;
}

export function newPickupCode(): string {
  return randomChars(PICKUP_CODE_ALPHABET, 6);
}

/** 32 random bytes, base64url: the secret link to an order. Only its hash is stored. */
export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time check of a presented token against the stored hashes. */
export function tokenMatches(token: string | undefined, hashes: readonly string[]): boolean {
  if (!token || !ACCESS_TOKEN_PATTERN.test(token)) return false;
  const presented = Buffer.from(hashToken(token), 'hex');
  let ok = false;
  for (const h of hashes) {
    const stored = Buffer.from(h, 'hex');
    if (stored.length === presented.length && timingSafeEqual(stored, presented)) ok = true;
  }
  return ok;
}
