import { z } from 'zod';
import { createNikKeyring, NIK_KEY_ID, type NikKeyring } from '../domain/nik';

const KEY_MESSAGE = 'must be JSON {"<kid>": "<base64 of 32 random bytes>", …}';

/**
 * NIK encryption keys from the environment. `NIK_ENCRYPTION_KEYS`: JSON `{"k1": "<base64 32 bytes>"}`
 * holding every key still needed to decrypt; `NIK_ENCRYPTION_KEY_ID`: the one new writes use.
 * Rotate by adding a key, switching the id, and keeping the old key until no record uses it.
 */
export const NikEncryptionConfigSchema = z
  .object({
    NIK_ENCRYPTION_KEYS: z.string().transform((s, ctx) => {
      try {
        const parsed = z
          .record(
            z.string().regex(NIK_KEY_ID),
            z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of 32 bytes'),
          )
          .refine((r) => Object.keys(r).length > 0)
          .safeParse(JSON.parse(s));
        if (parsed.success) return parsed.data;
      } catch {
        // fall through to the issue below
      }
      ctx.addIssue({ code: 'custom', message: KEY_MESSAGE });
      return z.NEVER;
    }),
    NIK_ENCRYPTION_KEY_ID: z.string().regex(NIK_KEY_ID, 'must be a key id such as k1'),
  })
  .superRefine((c, ctx) => {
    if (!(c.NIK_ENCRYPTION_KEY_ID in c.NIK_ENCRYPTION_KEYS))
      ctx.addIssue({
        code: 'custom',
        path: ['NIK_ENCRYPTION_KEY_ID'],
        message: 'must name one of the keys in NIK_ENCRYPTION_KEYS',
      });
  })
  .transform((c): { nikKeyring: NikKeyring } => ({
    nikKeyring: createNikKeyring(c.NIK_ENCRYPTION_KEYS, c.NIK_ENCRYPTION_KEY_ID),
  }));
