import type mongoose from 'mongoose';

interface ProcessedDoc {
  _id: string; // `<group>:<event id>`
  g: string;
  type: string;
  at: Date;
}

/**
 * The ids of events a consumer group has applied. The database is the truth (`_id` unique per
 * group + event); a time window of recent ids is kept in memory so the hot path needs no read.
 *
 * Why a window is enough: a record is redelivered only after a crash or rebalance, within seconds
 * of its first delivery, and a relay republishes an event with its ORIGINAL `time`. So an event
 * whose `time` is inside the window was, if ever, applied inside the window — and the window is
 * reloaded from the database whenever the group rebalances. Older events are checked in the database.
 */
export class ProcessedIds {
  private recent = new Map<string, number>();
  private pending: ProcessedDoc[] = [];
  private loading: Promise<void> | undefined;
  private lastDbPrune = Date.now();

  constructor(
    private readonly coll: mongoose.mongo.Collection,
    private readonly groupId: string,
    private readonly windowMs = 15 * 60_000,
    private readonly retentionMs = 7 * 24 * 3_600_000,
  ) {}

  /** Forget the in-memory window (after a rebalance); it is reloaded before the next check. */
  reset(): void {
    this.loading = undefined;
  }

  private ensureLoaded(): Promise<void> {
    this.loading ??= (async () => {
      await this.flush(); // ids applied but not written yet must survive the reload
      const since = new Date(Date.now() - this.windowMs);
      const docs = await this.coll
        .find({ g: this.groupId, at: { $gte: since } } as never, { projection: { _id: 1, at: 1 } })
        .toArray();
      this.recent = new Map(docs.map((d) => [String(d._id), (d.at as Date).getTime()]));
    })().catch((err) => {
      this.loading = undefined;
      throw err;
    });
    return this.loading;
  }

  /** True when the event was already applied by this group. */
  async has(eventId: string, eventTime: string): Promise<boolean> {
    await this.ensureLoaded();
    const id = `${this.groupId}:${eventId}`;
    if (this.recent.has(id)) return true;
    if (Date.parse(eventTime) >= Date.now() - this.windowMs + 60_000) return false;
    return (await this.coll.findOne({ _id: id } as never, { projection: { _id: 1 } })) !== null;
  }

  /**
   * Marks an event applied in the in-memory window only (an idempotent subscription's event):
   * a duplicate while the window holds it is skipped; after a reload it is applied again, harmlessly.
   */
  remember(eventId: string): void {
    this.recent.set(`${this.groupId}:${eventId}`, Date.now());
  }

  /** Marks an event applied; written by the next flush(). */
  add(eventId: string, type: string): void {
    const at = new Date();
    const id = `${this.groupId}:${eventId}`;
    this.recent.set(id, at.getTime());
    this.pending.push({ _id: id, g: this.groupId, type, at });
  }

  /** Writes the pending ids in one insert. Call before resolving the offsets they belong to. */
  async flush(): Promise<void> {
    if (this.pending.length > 0) {
      const docs = this.pending.splice(0);
      await this.coll.insertMany(docs as never[], { ordered: false }).catch((err: { code?: number }) => {
        if (err.code !== 11000) throw err; // another delivery recorded one of them first: fine
      });
    }
    this.prune();
  }

  private prune(): void {
    const now = Date.now();
    if (this.recent.size > 200_000 || this.recent.size % 1000 === 0) {
      for (const [id, at] of this.recent) if (at < now - this.windowMs) this.recent.delete(id);
    }
    if (now - this.lastDbPrune > 3_600_000) {
      this.lastDbPrune = now;
      void this.coll
        .deleteMany({ g: this.groupId, at: { $lt: new Date(now - this.retentionMs) } } as never)
        .catch(() => {});
    }
  }
}
