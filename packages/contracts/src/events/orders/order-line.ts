import { z } from 'zod';
import { RupiahSchema, UnitSchema } from '../../primitives';

export const OrderLineSchema = z.object({
  productId: z.string().min(1),
  sellerId: z.string().min(1),
  name: z.string().min(1),
  unit: UnitSchema,
  unitPrice: RupiahSchema,
  quantity: z.number().int().positive(),
  lineTotal: RupiahSchema,
});
export type OrderLine = z.infer<typeof OrderLineSchema>;
