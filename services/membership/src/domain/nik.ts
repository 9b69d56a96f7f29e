import { createHmac } from 'node:crypto';
import { z } from 'zod';

/** NIK: the 16-digit national ID number. Sensitive personal data (UU PDP No. 27/2022). */
export const NikSchema = z.string().regex(/^\d{16}$/, 'must be exactly 16 digits');

export interface ProtectedNik {
  /** Salted SHA-256 (HMAC-SHA-256 keyed by a secret salt kept outside the database), hex. */
  hash: string;
  /** Enough for staff to confirm "the one ending in 1234" with the member; useless on its own. */
  last4: string;
}

/**
 * The only form in which a NIK is stored. The raw number never leaves this function: not in the
 * database, not in events, not in logs. See README "Personal data".
 */
export function protectNik(nik: string, salt: string): ProtectedNik {
  const valid = NikSchema.parse(nik);
  return { hash: createHmac('sha256', salt).update(valid).digest('hex'), last4: valid.slice(-4) };
}
