import { z } from 'zod';
import { ProductIdSchema, QuantitySchema } from './form';

/** Cart page: each line has one form with two buttons, "Ubah" (intent=update) and "Hapus" (intent=remove). */
export const CartLineSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('update'), productId: ProductIdSchema, quantity: QuantitySchema }),
    z.object({ intent: z.literal('remove'), productId: ProductIdSchema }),
  ],
  { error: 'errors.invalidForm' },
);
export type CartLineForm = z.infer<typeof CartLineSchema>;
