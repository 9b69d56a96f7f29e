import { createHmac } from 'node:crypto';
import { NikSchema } from '@pasar/contracts';

/**
 * Dev-only salt shared by membership and orders, so the same NIK gives the same hash locally.
 * Production refuses to start without its own `NIK_HASH_SALT` (each service's config says so).
 */
export const DEV_NIK_HASH_SALT = 'pasar-dev-nik-salt-do-not-use-in-production';

/**
 * The one form in which a NIK may be kept for matching: HMAC-SHA-256 keyed by the secret salt
 * (env NIK_HASH_SALT, outside the database), hex. Validates first, so garbage never gets a hash.
 */
export function hashNik(nik: string, salt: string): string {
  return createHmac('sha256', salt).update(NikSchema.parse(nik)).digest('hex');
}
