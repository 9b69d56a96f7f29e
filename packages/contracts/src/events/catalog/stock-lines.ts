import { z } from 'zod';

export const StockLineSchema = z.object({
  productId: z.string().min(1),
  quantity: z.number().int().positive(),
});
export type StockLine = z.infer<typeof StockLineSchema>;
