import { z } from 'zod';

/** Order page: "Batalkan pesanan" posts only its intent. */
export const CancelOrderSchema = z.object({ intent: z.literal('cancel', { error: 'errors.invalidForm' }) });
