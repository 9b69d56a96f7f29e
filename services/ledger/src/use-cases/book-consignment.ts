import type { ConsignmentOrder, LedgerDeps } from './ports';
import { recordBusinessEvent } from './record-business-event';

/**
 * Once an order is both handed over and known to hold consignment sales (whichever event came
 * second), each seller's lines move from the cooperative's sales to what it owes the seller, less
 * the commission it keeps: one entry per order and seller, booked at the handover's time. Both
 * handlers call this after writing their own fact, so at least one of them sees both; the entry's
 * id makes a second call post nothing. A sale undone before handover is never split (nor counted as
 * the seller's transaction for SHU).
 */
export async function bookConsignment(deps: LedgerDeps, order: ConsignmentOrder): Promise<void> {
  if (!order.handedOverAt) return;
  const seen = new Set<string>();
  for (const sale of order.sales) {
    if (seen.has(sale.sellerId) || order.undone.includes(sale.sellerId)) continue;
    seen.add(sale.sellerId);
    const { entry } = await recordBusinessEvent(deps, {
      eventId: `consignment-${order.orderId}-${sale.sellerId}`,
      cooperativeId: order.cooperativeId,
      occurredAt: order.handedOverAt,
      type: 'consignment_split',
      orderId: order.orderId,
      sellerId: sale.sellerId,
      gross: sale.gross,
      commission: sale.commission,
    });
    // The seller's jasa usaha for SHU: the gross of their goods sold, in the period the books have it.
    await deps.members.recordTransaction({
      id: `consignment-${order.orderId}-${sale.sellerId}`,
      cooperativeId: order.cooperativeId,
      kind: 'consignment',
      personId: null,
      memberId: sale.sellerId,
      orderId: order.orderId,
      amount: sale.gross,
      period: entry.period,
    });
  }
}
