import type { EventOf, OrderCompleted, SavingsDeposited, SavingsWithdrawn } from '@pasar/contracts';
import type { Period } from '../domain/journal';
import type { LedgerDeps } from './ports';

/**
 * A signed-in member's purchase, for SHU jasa usaha: the order's goods (Σ lines, own and titip
 * jual alike: all bought through the cooperative's market), not the delivery fee — that pays for
 * the courier, it is not business in goods (decision 0017). Kept by the buyer's account: the
 * account is matched to a member when SHU is computed, so the order and MemberRegistered may
 * arrive in either order. A guest (no account) is nobody's transaction.
 */
export async function recordPurchase(
  deps: LedgerDeps,
  e: EventOf<typeof OrderCompleted>,
  period: Period,
): Promise<void> {
  const personId = e.data.buyerPersonId;
  const goods = e.data.lines.reduce((s, l) => s + l.lineTotal, 0);
  if (!personId || goods === 0) return;
  await deps.members.recordTransaction({
    id: `purchase-${e.id}`,
    cooperativeId: e.cooperativeid,
    kind: 'purchase',
    personId,
    memberId: null,
    orderId: e.data.orderId,
    amount: goods,
    period,
  });
}

/** A member's savings movement in the period its entry was booked (so SHU's savings match the neraca). */
export async function recordSavingsMovement(
  deps: LedgerDeps,
  e: EventOf<typeof SavingsDeposited> | EventOf<typeof SavingsWithdrawn>,
  period: Period,
  kind: 'pokok' | 'wajib' | 'sukarela',
  amount: number,
): Promise<void> {
  await deps.members.recordSavings({
    eventId: e.id,
    cooperativeId: e.data.cooperativeId,
    memberId: e.data.memberId,
    kind,
    amount,
    period,
  });
}
