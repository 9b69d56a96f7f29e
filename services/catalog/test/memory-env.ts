import type { Envelope, SellerSnapshot } from '@pasar/contracts';
import { createLogger, toOutboxEntry } from '@pasar/events';
import { createApp } from '../src/app';
import { ListingCache } from '../src/db/listing-cache';
import { ListingIndex } from '../src/db/listing-index';
import type { NewProduct } from '../src/domain/product';
import type { SellerStatus } from '../src/domain/seller';
import {
  MemoryListingSettings,
  MemoryPhotoLookup,
  MemoryProducts,
  MemoryReservations,
  MemorySellers,
} from '../src/testing/in-memory';
import { createProduct } from '../src/use-cases/create-product';
import type { CatalogDeps } from '../src/use-cases/ports';
import { recordSeller } from '../src/use-cases/record-seller';
import { aProduct, documentedApp, issuer } from './builders';
import type { OutboxEnvelope } from './mongo-env';

/** The sellers of the tests, as membership announces them (Sri and Budi sell in Karangbesuki). */
export const SELLERS = {
  sri: {
    sellerId: 'mbr_sri',
    personId: 'prs_sri',
    cooperativeId: 'karangbesuki',
    shopName: 'Dapur Bu Sri',
    description: 'Keripik tempe dan camilan rumahan.',
    handoff: 'drop_off',
  },
  budi: {
    sellerId: 'mbr_budi',
    personId: 'prs_budi',
    cooperativeId: 'karangbesuki',
    shopName: 'Kebun Pak Budi',
    description: 'Sayur dan buah dari kebun sendiri.',
    handoff: 'outlet_pickup',
  },
} satisfies Record<string, SellerSnapshot>;

const asOutbox = (events: Envelope[]) =>
  events.map((e) => {
    const entry = toOutboxEntry(e);
    return { ...(entry.envelope as unknown as OutboxEnvelope), topic: entry.topic, key: entry.key };
  });

/**
 * Catalog's app and use cases over in-memory stores (no database): the same answers and events as
 * over mongo, for route tests in the unit project. Sri and Budi are active sellers unless `sellers: false`.
 */
export async function memoryCatalogEnv(
  opts: {
    sellers?: boolean;
    listingCacheMs?: number;
    listingIndex?: boolean;
    listingContent?: 'memory' | 'database';
  } = {},
) {
  const store = new MemoryProducts();
  const sellers = new MemorySellers();
  const settings = new MemoryListingSettings();
  const photos = new MemoryPhotoLookup();
  const reservations = new MemoryReservations();
  const deps: CatalogDeps = {
    products: store.products,
    stock: store.stock,
    reservations,
    sellers,
    listingSettings: settings,
    history: store.historyStore,
    photos,
    logger: createLogger('catalog-test', process.env.TEST_LOG_LEVEL ?? 'silent'),
    ...(opts.listingCacheMs ? { listings: new ListingCache({ ttlMs: opts.listingCacheMs }) } : {}),
    // As in production (LISTING_INDEX=on): lists and category counts go through the read model.
    ...(opts.listingIndex !== false
      ? { listingIndex: new ListingIndex(store.listingSource, { content: opts.listingContent ?? 'memory' }) }
      : {}),
  };
  const seller = (s: SellerSnapshot, status: SellerStatus = 'active', at = new Date()) =>
    recordSeller(deps, s, status, at);
  if (opts.sellers !== false) for (const s of Object.values(SELLERS)) await seller(s);
  const app = documentedApp(createApp({ ...deps, verifier: issuer.verifier('catalog') }));
  return {
    deps,
    app,
    store,
    sellers,
    settings,
    photos,
    reservations,
    /** Records a seller event's state (approved/reinstated = active, suspended). */
    seller,
    /** Every event in the product document's outbox, oldest first. */
    outboxOf: async (productId: string) => asOutbox(store.outboxOf(productId)),
    settingsOutboxOf: (cooperativeId: string) => asOutbox(settings.byId.get(cooperativeId)?.outbox ?? []),
    /** Creates a product through the real use case (so it carries its event). */
    product: (overrides: Partial<NewProduct> = {}) => createProduct(deps, aProduct(overrides)),
    countProducts: async () => store.count(),
    drop: async () => {},
  };
}
