import type mongoose from 'mongoose';
import { notaCounterKey } from '../domain/nota';
import type { NotaCounters } from '../use-cases/ports';

/** `nota_counters`: `{_id: "<cooperativeId>:<year>", seq}`, one per cooperative and year. */
export type NotaCounterDoc = { _id: string; seq: number };
export type NotaCounterCollection = mongoose.mongo.Collection<NotaCounterDoc>;

export class MongoNotaCounters implements NotaCounters {
  constructor(private readonly coll: NotaCounterCollection) {}

  /**
   * One atomic `findOneAndUpdate($inc, upsert)` by `_id` (FerretDB uses its index only for an exact
   * `_id` filter). Two first calls of a year may race on the upsert: the loser gets a duplicate-key
   * error and simply increments the document the winner made.
   */
  async next(cooperativeId: string, year: number): Promise<number> {
    const _id = notaCounterKey(cooperativeId, year);
    for (let attempt = 0; ; attempt++) {
      try {
        const doc = await this.coll.findOneAndUpdate(
          { _id },
          { $inc: { seq: 1 } },
          { upsert: true, returnDocument: 'after' },
        );
        if (!doc) throw new Error(`nota counter ${_id} not returned`);
        return doc.seq;
      } catch (err) {
        if ((err as { code?: number }).code !== 11000 || attempt >= 2) throw err;
      }
    }
  }
}
