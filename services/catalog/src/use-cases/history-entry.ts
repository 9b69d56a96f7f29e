import { randomId } from '@pasar/service-kit';
import type { HistoryEntry, HistoryKind } from '../domain/history';
import type { FieldDiff } from '../domain/moderation';
import type { Actor } from '../domain/product-access';

/** One history entry for a change to a product (ids are random, `hst_…`, safe as a map key). */
export function historyEntry(input: {
  kind: HistoryKind;
  product: { id: string; cooperativeId: string };
  actor: Actor | undefined;
  changes: FieldDiff[];
  at: Date;
  reason?: string;
  note?: string;
}): HistoryEntry {
  return {
    id: randomId('hst'),
    productId: input.product.id,
    cooperativeId: input.product.cooperativeId,
    at: input.at,
    by: input.actor ? { personId: input.actor.personId, roles: [...input.actor.roles] } : null,
    kind: input.kind,
    changes: input.changes,
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
}
