import { z } from 'zod';
import { CooperativeIdSchema, PaymentMethodSchema, RupiahSchema } from '../../primitives';

/** What other services need to know of a cooperative (tenant): public facts only. */
export const CooperativeSnapshotSchema = z.object({
  cooperativeId: CooperativeIdSchema,
  name: z.string().min(1),
  marketName: z.string().min(1),
  ward: z.string().min(1),
  city: z.string().min(1),
  outletAddress: z.string().min(1),
  deliveryEnabled: z.boolean(),
  deliveryFee: RupiahSchema,
  orderExpiryMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
  /**
   * The payment methods this cooperative offers shoppers (its settings). Orders offers the ones
   * that are also enabled on the platform (PAYMENT_METHODS). Absent in events from before online
   * payments: every platform method is then offered.
   */
  paymentMethods: z.array(PaymentMethodSchema).min(1).optional(),
});
export type CooperativeSnapshot = z.infer<typeof CooperativeSnapshotSchema>;
