import { z } from 'zod';
import { callService } from './http.server';

/**
 * The cooperative's order statistics (orders service, `GET /cooperatives/{id}/stats`; pengurus,
 * pengawas, kasir). Not in orders' OpenAPI document yet: described here with zod until gen:api has it.
 */
const Totals = z.object({ orders: z.number().int().min(0), revenue: z.number().int() });
export const StatsSchema = z.object({
  today: Totals.extend({ byPaymentMethod: z.record(z.string(), Totals) }),
  days: z.array(Totals.extend({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })),
});
export type Stats = z.infer<typeof StatsSchema>;
export type StatsDay = Stats['days'][number];

export function getStats(token: string, cooperativeId: string, days = 30): Promise<Stats> {
  return callService('orders', `/cooperatives/${encodeURIComponent(cooperativeId)}/stats`, {
    token,
    query: { days },
    schema: StatsSchema,
  });
}
