import { PaymentMethodSchema } from '@pasar/contracts';
import { BaseConfigSchema } from '@pasar/service-kit';
import { z } from 'zod';

const emptyAsUnset = (v: unknown) => (v === '' ? undefined : v);

export const OrdersConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  /** Staff endpoints (pack) until the auth issue lands: `Authorization: Bearer <ADMIN_TOKEN>`. */
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  /** Payment methods shoppers may choose, comma-separated. `cash,qris` lets an order wait for payment. */
  PAYMENT_METHODS: z
    .string()
    .default('cash')
    .transform((s) =>
      s
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    )
    .pipe(z.array(PaymentMethodSchema).min(1, 'name at least one payment method')),
  /** Overrides every cooperative's orderExpiryMinutes (tests). */
  ORDER_EXPIRY_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().optional()),
  ORDER_SWEEP_INTERVAL_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(50).default(5000)),
  /** How often an open order stream (SSE) looks for changes. */
  ORDER_STREAM_POLL_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(50).default(400)),
});
export type OrdersConfig = z.infer<typeof OrdersConfigSchema>;
