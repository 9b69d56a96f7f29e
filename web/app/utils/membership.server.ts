import { callService } from './http.server';
import { CooperativeListSchema, type CooperativeView, CooperativeViewSchema } from './views';

export async function listCooperatives(): Promise<CooperativeView[]> {
  const res = await callService('membership', '/cooperatives', { schema: CooperativeListSchema });
  return res.items;
}

/** One cooperative; ApiError COOPERATIVE.NOT_FOUND (404) when there is none. */
export function getCooperative(cooperativeId: string): Promise<CooperativeView> {
  return callService('membership', `/cooperatives/${encodeURIComponent(cooperativeId)}`, {
    schema: CooperativeViewSchema,
  });
}
