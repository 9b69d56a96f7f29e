import { z } from 'zod';
import { CooperativeIdSchema } from '../../primitives';

/** How money reached (or left) the cooperative: over the counter, or by bank transfer. */
export const SavingsMethodSchema = z.enum(['cash', 'transfer']);
export type SavingsMethod = z.infer<typeof SavingsMethodSchema>;

export const SAVINGS_KINDS = ['pokok', 'wajib', 'sukarela'] as const;
export const SavingsKindSchema = z.enum(SAVINGS_KINDS);
export type SavingsKind = z.infer<typeof SavingsKindSchema>;

/**
 * What every savings movement carries: the member (id only, no personal data), the cooperative,
 * the amount in whole rupiah (never zero), how it was paid, the receipt number written on the
 * bukti setor / bukti tarik, and the person (bendahara or kasir) who recorded it.
 */
export const SavingsMovementSchema = z.object({
  memberId: z.string().min(1),
  cooperativeId: CooperativeIdSchema,
  amount: z.number().int('must be whole rupiah').positive().max(1_000_000_000_000),
  method: SavingsMethodSchema,
  receiptNumber: z.string().trim().min(1).max(40),
  recordedBy: z.string().min(1),
  /**
   * When the money changed hands, as on the receipt: a bendahara may enter a paper bukti setor
   * days later. The ledger books the movement in that instant's month. Absent: the event's time.
   */
  receivedAt: z.string().datetime().optional(),
});
