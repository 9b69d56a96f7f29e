import { z } from '@hono/zod-openapi';
import { strictBody, text } from './schemas';

/** Whole rupiah, as the kasir counts it (at most 100 million: a village outlet's till). */
const CashSchema = z
  .number({ error: 'must be a whole number of rupiah' })
  .int('must be a whole number of rupiah')
  .min(0, 'must be at least 0')
  .max(100_000_000, 'must be at most 100000000')
  .openapi({
    description: 'Cash orders: the rupiah taken from the shopper (≥ total; the change is given back)',
  });

const PickupCodeSchema = text(1, 20).openapi({
  description: "The shopper's 6-character pickup code (case and blanks do not matter)",
  example: 'K7P9QX',
});

/** At the outlet: the shopper's code, and the cash for a cash order. */
export const HandOverBody = strictBody({ pickupCode: PickupCodeSchema, cashReceived: CashSchema.optional() });

/** The courier: the code, or a note of who received it; and the cash for a cash order. */
export const DeliverBody = strictBody({
  pickupCode: PickupCodeSchema.optional(),
  note: text(3, 200)
    .optional()
    .openapi({ description: 'Who received the order, when there is no code (shown to the shopper)' }),
  cashReceived: CashSchema.optional(),
});

const DAY = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
export const QueueQuery = z.object({
  day: z
    .string()
    .regex(DAY, 'must be a date such as 2026-11-23')
    .optional()
    .openapi({ description: 'The day in Asia/Jakarta (default: today there)', pattern: DAY.source }),
  fulfilment: z.enum(['pickup', 'delivery']).optional(),
});
