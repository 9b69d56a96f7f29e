import { BaseConfigSchema } from '@pasar/service-kit';
import { z } from 'zod';
import { PhotoConfigSchema } from './photos/photo.config';

export const CatalogConfigSchema = BaseConfigSchema.extend({
  PORT: BaseConfigSchema.shape.PORT.default(4001),
  /** membership's public keys, to verify access tokens: http://127.0.0.1:4004/.well-known/jwks.json */
  MEMBERSHIP_JWKS_URL: z.url({ protocol: /^https?$/ }),
  /** How long a public list answer may be served from memory (0 = no cache); local changes clear it at once. */
  LISTING_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /**
   * The storefront listing's read model (db/listing-index.ts, decision 0018): `on` answers public
   * lists from memory and reads only the page's products; `off` queries the collection each time.
   */
  LISTING_INDEX: z.enum(['on', 'off']).default('on'),
  /**
   * Where a listed page's products come from: `memory` (kept with the cards, no query per page) or
   * `database` (read by `_id: {$in}` for every page and checked again against the filter).
   */
  LISTING_INDEX_CONTENT: z.enum(['memory', 'database']).default('memory'),
  /** How often a cooperative's cards are read again whole (other processes' writes); 0 = never. */
  LISTING_INDEX_REFRESH_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /** A cooperative nobody listed for this long is dropped from memory (read again on its next list). */
  LISTING_INDEX_IDLE_MS: z.coerce.number().int().min(0).max(86_400_000).default(900_000),
  /** How often the outbox relay sweeps for events it was not told about (another process, a crash). */
  OUTBOX_SWEEP_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
}).extend(PhotoConfigSchema.shape);
export type CatalogConfig = z.infer<typeof CatalogConfigSchema>;
