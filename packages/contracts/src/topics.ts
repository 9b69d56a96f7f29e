/**
 * The topic registry. Names are versioned: a breaking change is a new topic, never an edit.
 * Every record is keyed by its aggregate id so one aggregate's events keep their order.
 */
export const Topics = {
  catalogProduct: { name: 'catalog.product.v1', key: 'productId', owner: 'catalog' },
  catalogStock: { name: 'catalog.stock.v1', key: 'orderId', owner: 'catalog' },
  ordersOrder: { name: 'orders.order.v1', key: 'orderId', owner: 'orders' },
  paymentsPayment: { name: 'payments.payment.v1', key: 'orderId', owner: 'payments' },
  /** What payments owes each consignment seller: sales, refunds before handover, payouts. */
  paymentsConsignment: { name: 'payments.consignment.v1', key: 'sellerId', owner: 'payments' },
  membershipCooperative: { name: 'membership.cooperative.v1', key: 'cooperativeId', owner: 'membership' },
  membershipMember: { name: 'membership.member.v1', key: 'memberId', owner: 'membership' },
  membershipSeller: { name: 'membership.seller.v1', key: 'sellerId', owner: 'membership' },
  membershipSavings: { name: 'membership.savings.v1', key: 'memberId', owner: 'membership' },
  /** SHU runs of the ledger that reach members (distribution to sukarela or paid out). */
  ledgerShu: { name: 'ledger.shu.v1', key: 'cooperativeId', owner: 'ledger' },
  /** Staff actions of every service (written by each owner, kept by membership's audit trail). */
  auditEntry: { name: 'audit.entry.v1', key: 'cooperativeId', owner: 'any' },
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics]['name'];
export const ALL_TOPICS: TopicName[] = Object.values(Topics).map((t) => t.name);

/** Where a consumer group parks the records it cannot handle. */
export function dlqTopic(topic: string, groupId: string): string {
  return `${topic}.dlq.${groupId}`;
}
