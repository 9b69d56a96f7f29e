import { z } from 'zod';

/**
 * The human number of an order's nota, a sequence per cooperative and year, shown to shoppers and
 * staff instead of the internal id: `KRB-2026-000123` (the cooperative's short code, the year, the
 * number). Events before nota numbers existed carry none, so consumers treat it as optional.
 */
export const NotaNumberSchema = z
  .string()
  .regex(/^[A-Z]{2,6}-\d{4}-\d{6,}$/, 'must be a nota number such as KRB-2026-000123');
