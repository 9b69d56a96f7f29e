import { z } from 'zod';
import { ProductIdSchema, QuantitySchema } from './form';

/** Product page form: "Tambah ke keranjang". */
export const AddToCartSchema = z.object({
  productId: ProductIdSchema,
  quantity: QuantitySchema,
});
export type AddToCart = z.infer<typeof AddToCartSchema>;
