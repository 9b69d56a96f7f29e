import type { Logger } from '@pasar/events';
import type { ListingCache } from '../db/listing-cache';
import type { Repositories } from '../db/repositories';

/** What the use cases need: repositories (injected), a logger, and a hook to wake the outbox relay. */
export interface CatalogDeps extends Repositories {
  logger: Logger;
  /** Called after a write that queued outbox events on a document (main.ts wakes the relay). */
  outboxWritten?: (collection: OutboxCollection, id: string) => void;
  /** Short-lived cache of public list answers; every product or stock change invalidates it. */
  listings?: Pick<ListingCache, 'get' | 'invalidate'>;
}

export type OutboxCollection = 'products' | 'stock_reservations';

export const CATALOG_SOURCE = 'urn:pasar:catalog';

/** Where product events start a flow: an HTTP request (its id correlates) or a seed run. */
export interface WriteContext {
  correlationId?: string;
}
