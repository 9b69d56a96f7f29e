import { BaseConfigSchema } from '@pasar/service-kit';
import { z } from 'zod';

/** Dev-only salt: production refuses to start without its own NIK_HASH_SALT. */
export const DEV_NIK_HASH_SALT = 'pasar-dev-nik-salt-do-not-use-in-production';

export const MembershipConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4004),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  NIK_HASH_SALT: z.string().min(16, 'must be at least 16 characters').optional(),
})
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && !c.NIK_HASH_SALT) {
      ctx.addIssue({
        code: 'custom',
        path: ['NIK_HASH_SALT'],
        message: 'is required when NODE_ENV=production',
      });
    }
  })
  .transform((c) => ({ ...c, NIK_HASH_SALT: c.NIK_HASH_SALT ?? DEV_NIK_HASH_SALT }));

export type MembershipConfig = z.infer<typeof MembershipConfigSchema>;
