import type { CooperativeSnapshot } from '@pasar/contracts';
import type { OrdersDeps } from './ports';

/** Keeps orders' copy of a cooperative (delivery fee, expiry) current; an older snapshot never wins. */
export async function recordCooperative(
  deps: OrdersDeps,
  snapshot: CooperativeSnapshot,
  at: Date,
): Promise<void> {
  const outcome = await deps.cooperatives.upsert(snapshot, at);
  if (outcome === 'stale') {
    deps.logger.debug({ cooperativeId: snapshot.cooperativeId }, 'older cooperative snapshot ignored');
  }
}
