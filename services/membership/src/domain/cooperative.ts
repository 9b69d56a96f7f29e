import { type CooperativeSnapshot, CooperativeSnapshotSchema } from '@pasar/contracts';

/** Display facts the storefront shows; not part of the event snapshot. */
export interface CooperativeDisplay {
  description: string;
  openingHours: string;
  /** The outlet's public phone (not a person's). */
  phone: string;
}

export interface Cooperative extends CooperativeSnapshot, CooperativeDisplay {
  slug: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type CooperativeView = CooperativeSnapshot &
  CooperativeDisplay & { slug: string; createdAt: string; updatedAt: string };

export type NewCooperative = CooperativeSnapshot & CooperativeDisplay;
export type CooperativeChanges = Partial<Omit<NewCooperative, 'cooperativeId'>>;

const SNAPSHOT_KEYS = Object.keys(CooperativeSnapshotSchema.shape) as (keyof CooperativeSnapshot)[];

export function newCooperative(input: NewCooperative, now: Date): Cooperative {
  // slug = the cooperative id: the storefront's /k/<slug> and the tenant key are one thing.
  return { ...input, slug: input.cooperativeId, createdAt: now, updatedAt: now, version: 1 };
}

/** Public facts other services need; exactly the contract's fields. */
export function snapshotOf(c: Cooperative): CooperativeSnapshot {
  return Object.fromEntries(SNAPSHOT_KEYS.map((k) => [k, c[k]])) as CooperativeSnapshot;
}

export interface AppliedChanges {
  next: Cooperative;
  /** Fields whose value actually changed. */
  changed: (keyof CooperativeChanges)[];
  /** True when a field of the event snapshot changed (only then do other services need to hear). */
  snapshotChanged: boolean;
}

/** Values are scalars or lists of scalars (paymentMethods, where the order does not matter). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && [...a].sort().join() === [...b].sort().join();
  return a === b;
}

export function applyChanges(current: Cooperative, changes: CooperativeChanges, now: Date): AppliedChanges {
  const changed = (Object.keys(changes) as (keyof CooperativeChanges)[]).filter(
    (k) => changes[k] !== undefined && !sameValue(changes[k], current[k]),
  );
  if (changed.length === 0) return { next: current, changed, snapshotChanged: false };
  const patch = Object.fromEntries(changed.map((k) => [k, changes[k]]));
  return {
    next: { ...current, ...patch, updatedAt: now, version: current.version + 1 },
    changed,
    snapshotChanged: changed.some((k) => (SNAPSHOT_KEYS as string[]).includes(k)),
  };
}

export function toCooperativeView(c: Cooperative): CooperativeView {
  return {
    ...snapshotOf(c),
    slug: c.slug,
    description: c.description,
    openingHours: c.openingHours,
    phone: c.phone,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
