import type { Category } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { CursorPosition, ProductFilters, ProductSort } from '../domain/listing';
import {
  cardKey,
  cardMatches,
  cardVisible,
  compareCards,
  isPast,
  type ListingCard,
  sameCard,
} from '../domain/listing-card';
import type { Product } from '../domain/product';
import { searchTerms } from '../domain/search-text';
import type { ListingReadModel } from '../use-cases/ports';

/**
 * The storefront listing's read model, in memory, per cooperative (docs/decisions/0018).
 *
 * Why: the dev engine (FerretDB 1.24 on SQLite) pushes down to SQL only `_id` lookups and top-level
 * string equality, never a sort or a limit, so every uncached list page decoded and sorted every
 * matching product in Go (more than 10 s a page at 5,000 products under load). Here a cooperative's
 * products are read once, each as a card (what the list filters and sorts on), and each page is
 * found in memory. Its content comes from one of two places (`content`):
 *  - `memory` (default): the products as last read, kept beside their cards; no query per page.
 *  - `database`: read by `_id: {$in: ids}` (pushed down) and re-checked against the filter, so a page
 *    never shows something that does not match now, even after another process's write. Even that
 *    query costs FerretDB ~10 ms of CPU (≈ 80 pages/s on the 2-core dev machine), too slow for the
 *    50 ms p99 target at 10 connections (decision 0018), hence not the default.
 *
 * Kept current by this process's writes (`refresh` re-reads the written products by id), by a
 * reload every `refreshMs` (writes of other processes: another instance, the seed), and by the pages
 * themselves (every card read for a page replaces the one kept). A card read by a query that started
 * later always wins over one read by a query that started earlier (`seq`), so a slow read never
 * brings an older state back.
 */
export interface ListingSource {
  /** Every product of the cooperative, whatever its status, as cards (one query). */
  cards(cooperativeId: string): Promise<ListingCard[]>;
  /** Every product of the cooperative, whatever its status, with its card (one query). */
  products(cooperativeId: string): Promise<{ product: Product; card: ListingCard }[]>;
  /** The products with these ids (at most 1,000) as they are now, each with its card (one query by `_id`). */
  read(ids: readonly string[]): Promise<{ product: Product; card: ListingCard }[]>;
}

export interface ListingIndexOptions {
  /** Where a page's products come from: kept in memory (default), or read by id for every page. */
  content?: 'memory' | 'database';
  /** Reload a cooperative's cards this often (0 = never), for writes made by other processes. */
  refreshMs?: number;
  /** Forget a cooperative nobody listed for this long (its cards are read again on the next list). */
  idleMs?: number;
  logger?: Logger;
  now?: () => number;
}

/** How many times a page is looked up again after its fresh read showed the index was behind. */
const ATTEMPTS = 3;
/** `$in` values FerretDB pushes down (decision 0009). */
const READ_CHUNK = 1_000;

interface Entry {
  card: ListingCard;
  /** The product the card was made from (kept when pages are served from memory). */
  product: Product | null;
  /** The sequence number of the read the card came from. */
  seq: number;
}

/** One cooperative's cards, with its visible ones in each sort's order (built on first use). */
export class CooperativeListing {
  readonly entries = new Map<string, Entry>();
  private readonly sorted = new Map<ProductSort, ListingCard[]>();
  /** Changes recorded while the first load runs; re-read once it is in. */
  pending: { ids: Set<string>; sellers: Set<string> } | null = { ids: new Set(), sellers: new Set() };
  loadedAt = 0;
  lastUsed = 0;
  reloading = false;

  constructor(readonly cooperativeId: string) {}

  /**
   * Stores the card read by query `seq` (null: the product is not there), unless a later-started
   * read's card is kept already. Whether anything the list looks at changed.
   */
  apply(id: string, card: ListingCard | null, seq: number, product: Product | null = null): boolean {
    const entry = this.entries.get(id);
    if (entry && entry.seq > seq) return false;
    const old = entry?.card ?? null;
    if (card) this.entries.set(id, { card, product, seq });
    else this.entries.delete(id);
    if (old && card && sameCard(old, card)) return false;
    if (!old && !card) return false;
    for (const [sort, cards] of this.sorted) {
      const compare = compareCards(sort);
      if (old && cardVisible(old)) {
        const at = lowerBound(cards, (c) => compare(c, old) >= 0);
        if (cards[at] === old) cards.splice(at, 1);
        else this.sorted.delete(sort); // not where it should be: rebuild on next use
      }
      if (card && cardVisible(card) && this.sorted.has(sort))
        cards.splice(
          lowerBound(cards, (c) => compare(c, card) > 0),
          0,
          card,
        );
    }
    return true;
  }

  /** A whole load read by query `seq`: replaces every card read earlier, drops products no longer there. */
  applyAll(read: readonly { card: ListingCard; product?: Product }[], seq: number): void {
    const seen = new Set<string>();
    for (const { card, product } of read) {
      seen.add(card.id);
      const entry = this.entries.get(card.id);
      if (!entry || entry.seq <= seq) this.entries.set(card.id, { card, product: product ?? null, seq });
    }
    for (const [id, entry] of this.entries) if (!seen.has(id) && entry.seq < seq) this.entries.delete(id);
    this.sorted.clear();
  }

  /** Visible cards in the sort's order. */
  inOrder(sort: ProductSort): ListingCard[] {
    let cards = this.sorted.get(sort);
    if (!cards) {
      cards = [...this.entries.values()].map((e) => e.card).filter(cardVisible);
      cards.sort(compareCards(sort));
      this.sorted.set(sort, cards);
    }
    return cards;
  }

  /** Up to `want` cards matching the filters, strictly past `after`, in the sort's order. */
  page(
    filters: ProductFilters,
    terms: readonly string[],
    sort: ProductSort,
    want: number,
    after?: CursorPosition,
  ): ListingCard[] {
    const cards = this.inOrder(sort);
    const out: ListingCard[] = [];
    for (let i = after ? lowerBound(cards, (c) => isPast(c, sort, after)) : 0; i < cards.length; i++) {
      const c = cards[i]!;
      if (cardMatches(c, filters, terms)) out.push(c);
      if (out.length === want) break;
    }
    return out;
  }

  categoryCounts(): { category: Category; count: number }[] {
    const counts = new Map<Category, number>();
    for (const { card } of this.entries.values())
      if (cardVisible(card)) counts.set(card.category, (counts.get(card.category) ?? 0) + 1);
    return [...counts].map(([category, count]) => ({ category, count }));
  }
}

/** The first index whose card satisfies `past` (false, then true, along the array). */
function lowerBound(cards: readonly ListingCard[], past: (c: ListingCard) => boolean): number {
  let lo = 0;
  let hi = cards.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(cards[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class ListingIndex implements ListingReadModel {
  private readonly cooperatives = new Map<string, { listing: CooperativeListing; ready: Promise<void> }>();
  private seq = 0;
  private readonly refreshMs: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly content: 'memory' | 'database';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: ListingSource,
    private readonly opts: ListingIndexOptions = {},
  ) {
    this.refreshMs = opts.refreshMs ?? 0;
    this.idleMs = opts.idleMs ?? 0;
    this.now = opts.now ?? Date.now;
    this.content = opts.content ?? 'memory';
  }

  /** One page of visible products; one extra tells whether more follow (ProductStore.list's contract). */
  async list(
    filters: ProductFilters,
    sort: ProductSort,
    limit: number,
    after?: CursorPosition,
  ): Promise<{ items: Product[]; hasMore: boolean }> {
    const listing = await this.loaded(filters.cooperativeId);
    const terms = searchTerms(filters.q);
    if (this.content === 'memory') {
      const candidates = listing.page(filters, terms, sort, limit + 1, after);
      const items = candidates.slice(0, limit).map((c) => listing.entries.get(c.id)?.product);
      if (items.every((p) => p)) return { items: items as Product[], hasMore: candidates.length > limit };
    }
    for (let attempt = 1; ; attempt++) {
      const candidates = listing.page(filters, terms, sort, limit + 1, after);
      if (candidates.length === 0) return { items: [], hasMore: false };
      const seq = ++this.seq;
      const fresh = new Map((await this.source.read(candidates.map((c) => c.id))).map((r) => [r.card.id, r]));
      const items: Product[] = [];
      let behind = false;
      for (const c of candidates) {
        const now = fresh.get(c.id);
        this.applyRead(c.id, now ?? null, seq);
        // Shown only if it still matches, at the same place in the order.
        if (
          now &&
          cardMatches(now.card, filters, terms) &&
          cardKey(now.card, sort) === cardKey(c, sort) &&
          (!after || isPast(now.card, sort, after))
        )
          items.push(now.product);
        else behind = true;
      }
      // The index was behind the database (a write of another process): it is corrected now, so ask it again.
      if (behind && attempt < ATTEMPTS) continue;
      return { items: items.slice(0, limit), hasMore: candidates.length > limit };
    }
  }

  async categoryCounts(cooperativeId: string): Promise<{ category: Category; count: number }[]> {
    return (await this.loaded(cooperativeId)).categoryCounts();
  }

  /** After this process wrote these products: their cards are read again (by id) if the cooperative is kept. */
  async refresh(cooperativeId: string, productIds: readonly string[]): Promise<void> {
    const kept = this.cooperatives.get(cooperativeId);
    if (!kept || productIds.length === 0) return;
    if (kept.listing.pending) {
      for (const id of productIds) kept.listing.pending.ids.add(id);
      return;
    }
    await this.reread(kept.listing, productIds);
  }

  /** After a seller's products were all changed at once (suspension, shop name). */
  async refreshSeller(cooperativeId: string, sellerId: string): Promise<void> {
    const kept = this.cooperatives.get(cooperativeId);
    if (!kept) return;
    if (kept.listing.pending) {
      kept.listing.pending.sellers.add(sellerId);
      return;
    }
    await this.reread(kept.listing, sellerIdsOf(kept.listing, new Set([sellerId])));
  }

  /** How much is kept: cooperatives and cards. */
  stats(): { cooperatives: number; cards: number } {
    let cards = 0;
    for (const { listing } of this.cooperatives.values()) cards += listing.entries.size;
    return { cooperatives: this.cooperatives.size, cards };
  }

  /** Reloads cooperatives read more than `refreshMs` ago and forgets those idle for `idleMs`. */
  async sweep(): Promise<void> {
    const now = this.now();
    const reloads: Promise<void>[] = [];
    for (const [cooperativeId, { listing }] of this.cooperatives) {
      if (listing.pending) continue;
      if (this.idleMs > 0 && now - listing.lastUsed > this.idleMs) this.cooperatives.delete(cooperativeId);
      else if (this.refreshMs > 0 && now - listing.loadedAt >= this.refreshMs && !listing.reloading)
        reloads.push(this.reload(listing));
    }
    await Promise.all(reloads);
  }

  /** Sweeps every `refreshMs` (or `idleMs`) until stop(); the timer does not keep the process alive. */
  start(): void {
    const every = Math.min(...[this.refreshMs, this.idleMs].filter((ms) => ms > 0));
    if (!Number.isFinite(every) || this.timer) return;
    this.timer = setInterval(() => void this.sweep(), Math.max(every / 4, 250));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The cooperative's listing, loading it on first use (concurrent first requests share the load). */
  private async loaded(cooperativeId: string): Promise<CooperativeListing> {
    let kept = this.cooperatives.get(cooperativeId);
    if (!kept) {
      const listing = new CooperativeListing(cooperativeId);
      const ready = this.firstLoad(listing);
      kept = { listing, ready };
      this.cooperatives.set(cooperativeId, kept);
      ready.catch(() => {
        if (this.cooperatives.get(cooperativeId)?.listing === listing)
          this.cooperatives.delete(cooperativeId);
      });
    }
    await kept.ready;
    kept.listing.lastUsed = this.now();
    return kept.listing;
  }

  private async firstLoad(listing: CooperativeListing): Promise<void> {
    await this.reload(listing);
    // Changes made while the cards were being read: read those products again, now.
    while (listing.pending && (listing.pending.ids.size > 0 || listing.pending.sellers.size > 0)) {
      const { ids, sellers } = listing.pending;
      listing.pending = { ids: new Set(), sellers: new Set() };
      await this.reread(listing, [...ids, ...sellerIdsOf(listing, sellers)]);
    }
    listing.pending = null;
  }

  private async reload(listing: CooperativeListing): Promise<void> {
    listing.reloading = true;
    try {
      const seq = ++this.seq;
      listing.applyAll(
        this.content === 'memory'
          ? await this.source.products(listing.cooperativeId)
          : (await this.source.cards(listing.cooperativeId)).map((card) => ({ card })),
        seq,
      );
      listing.loadedAt = this.now();
    } catch (err) {
      this.opts.logger?.warn({ err, cooperativeId: listing.cooperativeId }, 'listing index: load failed');
      throw err;
    } finally {
      listing.reloading = false;
    }
  }

  /** Reads these products again; on a failure the cooperative is forgotten (read whole on the next list). */
  private async reread(listing: CooperativeListing, ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    try {
      for (let i = 0; i < unique.length; i += READ_CHUNK) {
        const chunk = unique.slice(i, i + READ_CHUNK);
        const seq = ++this.seq;
        const found = new Map((await this.source.read(chunk)).map((r) => [r.card.id, r]));
        for (const id of chunk) this.applyRead(id, found.get(id) ?? null, seq);
      }
    } catch (err) {
      this.opts.logger?.warn(
        { err, cooperativeId: listing.cooperativeId },
        'listing index: re-read failed, cooperative dropped',
      );
      if (this.cooperatives.get(listing.cooperativeId)?.listing === listing)
        this.cooperatives.delete(listing.cooperativeId);
    }
  }

  /** A card read by id goes to its own cooperative's listing (if kept); null removes it from every one. */
  private applyRead(id: string, read: { card: ListingCard; product: Product } | null, seq: number): void {
    if (read) {
      const keep = this.content === 'memory' ? read.product : null;
      this.cooperatives.get(read.card.cooperativeId)?.listing.apply(id, read.card, seq, keep);
      return;
    }
    for (const { listing } of this.cooperatives.values()) listing.apply(id, null, seq);
  }
}

function sellerIdsOf(listing: CooperativeListing, sellers: ReadonlySet<string>): string[] {
  if (sellers.size === 0) return [];
  const ids: string[] = [];
  for (const [id, { card }] of listing.entries) if (sellers.has(card.sellerId)) ids.push(id);
  return ids;
}
