import type { Envelope } from '@pasar/contracts';
import { withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import { defaultListingSettings, type ListingSettings } from '../domain/listing-settings';
import type { ListingSettingsStore } from '../use-cases/ports';

type SettingsCollection = ReturnType<Connection['collection']>;

/** `listing_settings`, one document per cooperative (`_id` = cooperative id) with its outbox. */
export class ListingSettingsRepository implements ListingSettingsStore {
  constructor(readonly coll: SettingsCollection) {}

  static on(conn: Connection): ListingSettingsRepository {
    return new ListingSettingsRepository(conn.collection('listing_settings'));
  }

  async get(cooperativeId: string): Promise<ListingSettings> {
    const doc = await this.coll.findOne({ _id: cooperativeId } as never, { projection: { outbox: 0 } });
    if (!doc) return defaultListingSettings(cooperativeId);
    return {
      cooperativeId,
      priceReviewThresholdPercent: doc.priceReviewThresholdPercent as number,
      updatedAt: (doc.updatedAt as Date | undefined) ?? null,
    };
  }

  async save(s: ListingSettings, events: Envelope[]): Promise<void> {
    await this.coll.updateOne(
      { _id: s.cooperativeId } as never,
      withOutbox(
        { $set: { priceReviewThresholdPercent: s.priceReviewThresholdPercent, updatedAt: s.updatedAt } },
        events,
      ),
      { upsert: true },
    );
  }
}
