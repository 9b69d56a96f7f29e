import type { CooperativeRole } from '@pasar/contracts';
import type { FieldDiff } from './moderation';
import type { Product } from './product';
import type { AdjustmentReason } from './stock-adjustment';

/**
 * A listing's history: one entry per change made by a person (prices, stock adjustments, text,
 * photos, status, review requests and decisions), never per sale. Entries are only ever added.
 */
export const HISTORY_KINDS = [
  'created',
  'edited',
  'stock_adjusted',
  'photos_set',
  'review_requested',
  'review_approved',
  'review_rejected',
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export interface HistoryEntry {
  id: string;
  productId: string;
  cooperativeId: string;
  at: Date;
  /** Who: person id and their roles in the cooperative then; null for the seed. */
  by: { personId: string; roles: readonly CooperativeRole[] } | null;
  kind: HistoryKind;
  changes: FieldDiff[];
  /** Stock adjustments: why, and the note given. Rejections: the reason. */
  reason?: AdjustmentReason | string;
  note?: string;
}

/** The fields whose changes the history records (stock apart: adjustments are their own entries). */
const TRACKED = [
  'name',
  'description',
  'price',
  'maxPerOrder',
  'buyerLimit',
  'het',
  'imageUrl',
  'status',
] as const satisfies readonly (keyof Product)[];

/** Field by field, what changed from `before` to `after` (photos as their ids). */
export function diffOf(before: Product | undefined, after: Product): FieldDiff[] {
  const out: FieldDiff[] = TRACKED.filter(
    (f) => !before || JSON.stringify(before[f]) !== JSON.stringify(after[f]),
  ).map((field) => ({ field, before: before ? before[field] : null, after: after[field] }));
  const ids = (p?: Product) => p?.photos.map((ph) => ph.photoId) ?? [];
  if (JSON.stringify(ids(before)) !== JSON.stringify(ids(after)))
    out.push({ field: 'photos', before: before ? ids(before) : null, after: ids(after) });
  const pending = (p?: Product) => (p?.review?.state === 'pending' ? p.review.pendingPrice : null);
  if (pending(before) !== pending(after))
    out.push({ field: 'pendingPrice', before: pending(before), after: pending(after) });
  return out;
}
