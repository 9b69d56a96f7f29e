import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `<prefix>_` + 22 base62 characters (~131 bits): unguessable, URL-safe, no dots or dollars. */
export function randomId(prefix: string, length = 22): string {
  const bytes = randomBytes(length);
  let out = '';
  // 248 = 4 × 62: rejecting bytes above it keeps every character equally likely.
  for (let i = 0; out.length < length; i++) {
    const b = i < bytes.length ? bytes[i]! : randomBytes(1)[0]!;
    if (b < 248) out += BASE62[b % 62];
  }
  return `${prefix}_${out}`;
}
