import { OutboxImages, type OutboxRelay } from '@pasar/events';
import type { Connection } from 'mongoose';
import type { OutboxCollection } from '../use-cases/ports';
import { HistoryRepository } from './history.repository';
import { ListingSettingsRepository } from './listing-settings.repository';
import { MongoPhotoLookup } from './photo-lookup';
import { ProductStockRepository } from './product-stock.repository';
import { ProductRepository } from './product.repository';
import { toObjectId } from './product.model';
import { ReservationRepository } from './reservation.repository';
import { SellerRepository } from './seller.repository';

export interface Repositories {
  products: ProductRepository;
  stock: ProductStockRepository;
  reservations: ReservationRepository;
  sellers: SellerRepository;
  listingSettings: ListingSettingsRepository;
  history: HistoryRepository;
  photos: MongoPhotoLookup;
}

export function createRepositories(conn: Connection, images?: OutboxImages): Repositories {
  return {
    products: ProductRepository.on(conn),
    stock: ProductStockRepository.on(conn),
    reservations: ReservationRepository.on(conn, images),
    sellers: SellerRepository.on(conn),
    listingSettings: ListingSettingsRepository.on(conn),
    history: HistoryRepository.on(conn),
    photos: MongoPhotoLookup.on(conn),
  };
}

export async function ensureIndexes(repos: Repositories): Promise<void> {
  await repos.products.ensureIndexes();
  await repos.reservations.ensureIndexes();
  await repos.sellers.ensureIndexes();
  await repos.history.ensureIndexes();
}

/** The collections whose documents carry outbox events: the relay publishes from these. */
export function outboxCollections(
  conn: Connection,
): Record<OutboxCollection, ReturnType<Connection['collection']>> {
  return {
    products: conn.collection('products'),
    stock_reservations: conn.collection('stock_reservations'),
    listing_settings: conn.collection('listing_settings'),
  };
}

/**
 * Tells the relay which document just got events, so it publishes that one at once: from the
 * outbox the write left in `images` when there is one, else reading the document (by `_id`).
 */
export function outboxNudger(
  relay: OutboxRelay,
  collections: ReturnType<typeof outboxCollections>,
  images = new OutboxImages(),
) {
  return (collection: OutboxCollection, id: string) =>
    relay.nudge(
      collections[collection],
      collection === 'products' ? toObjectId(id) : id,
      images.take(collection, id),
    );
}
