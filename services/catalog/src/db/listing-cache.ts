/**
 * A short-lived cache of public list answers (product pages, category counts) per cooperative.
 *
 * Why: a list query filters on cooperative, status, category and price, and the dev engine
 * (FerretDB on SQLite) only turns an exact `{_id}` filter into an index lookup; everything else
 * scans the collection. Shoppers of one market ask the same few pages again and again, so an
 * answer is kept for `ttlMs` and dropped at once when this process changes that cooperative's
 * products or stock. Other instances' changes show within `ttlMs` (1 s by default); the stock
 * reservation itself never reads the cache, so a stale page can never oversell.
 */
export interface ListingCacheOptions {
  ttlMs: number;
  /** Most answers kept across all cooperatives; the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  at: number;
  value: Promise<unknown>;
}

export class ListingCache {
  private readonly entries = new Map<string, Entry>();
  private readonly idsByCooperative = new Map<string, Set<string>>();
  private readonly generations = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(opts: ListingCacheOptions) {
    this.ttlMs = opts.ttlMs;
    this.maxEntries = opts.maxEntries ?? 5_000;
    this.now = opts.now ?? Date.now;
  }

  /** The cached answer for (cooperative, key), or `load()`'s — shared by concurrent callers. */
  async get<T>(cooperativeId: string, key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const id = `${cooperativeId}\u0000${key}`;
    const hit = this.entries.get(id);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const generation = this.generations.get(cooperativeId) ?? 0;
    const value = load();
    this.remember(cooperativeId, id, { at: this.now(), value });
    const forget = () => {
      if (this.entries.get(id)?.value === value) this.entries.delete(id);
    };
    try {
      return await value;
    } catch (err) {
      forget();
      throw err;
    } finally {
      // Changed while loading: the answer may predate the change, so do not keep it.
      if ((this.generations.get(cooperativeId) ?? 0) !== generation) forget();
    }
  }

  /** Forget every answer about the cooperative: its products or stock just changed. */
  invalidate(cooperativeId: string): void {
    this.generations.set(cooperativeId, (this.generations.get(cooperativeId) ?? 0) + 1);
    for (const id of this.idsByCooperative.get(cooperativeId) ?? []) this.entries.delete(id);
    this.idsByCooperative.delete(cooperativeId);
  }

  get size(): number {
    return this.entries.size;
  }

  private remember(cooperativeId: string, id: string, entry: Entry): void {
    this.entries.delete(id); // re-insert: Map order is age order
    this.entries.set(id, entry);
    const ids = this.idsByCooperative.get(cooperativeId) ?? new Set();
    ids.add(id);
    this.idsByCooperative.set(cooperativeId, ids);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
      this.idsByCooperative.get(oldest.slice(0, oldest.indexOf('\u0000')))?.delete(oldest);
    }
  }
}
