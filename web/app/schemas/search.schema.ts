import { z } from 'zod';
import type { MessageKey } from '~/utils/i18n';
import { type Sort, SORTS } from './sorts';

const Price = z
  .string()
  .regex(/^\d{1,12}$/, 'errors.price')
  .transform(Number);

/** The search form (GET): every field is optional; a bad one is reported and left out, the rest still search. */
const FIELDS = {
  q: z.string().trim().max(100, 'errors.tooLong'),
  category: z.string().regex(/^[a-z0-9-]{1,40}$/, 'errors.invalidForm'),
  minPrice: Price,
  maxPrice: Price,
  inStock: z.enum(['on', 'true', '1']).transform(() => true),
  sort: z.enum(SORTS, { error: 'errors.invalidForm' }),
  // The catalog's CURSOR_PATTERN (services/catalog/src/domain/cursor.ts): a keyset position <key>.<id>.
  cursor: z.string().regex(/^(?:[0-9]{1,15}|~[A-Za-z0-9_-]{0,640})\.[0-9a-f]{24}$/, 'errors.invalidForm'),
} as const;

export type SearchField = keyof typeof FIELDS;

export interface SearchQuery {
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort?: Sort;
  cursor?: string;
}

export interface ParsedSearch {
  query: SearchQuery;
  /** The raw values, to fill the form back in. */
  values: Partial<Record<SearchField, string>>;
  errors: Partial<Record<SearchField, MessageKey>>;
}

export function parseSearch(params: URLSearchParams): ParsedSearch {
  const query: Record<string, unknown> = {};
  const values: ParsedSearch['values'] = {};
  const errors: ParsedSearch['errors'] = {};
  for (const field of Object.keys(FIELDS) as SearchField[]) {
    const raw = params.get(field);
    if (raw === null || raw.trim() === '') continue;
    values[field] = raw;
    const result = FIELDS[field].safeParse(raw);
    if (result.success) query[field] = result.data;
    else errors[field] = (result.error.issues[0]?.message ?? 'errors.invalidForm') as MessageKey;
  }
  const parsed = query as SearchQuery;
  if (parsed.minPrice !== undefined && parsed.maxPrice !== undefined && parsed.maxPrice < parsed.minPrice) {
    errors.maxPrice = 'errors.priceRange';
    delete parsed.maxPrice;
  }
  return { query: parsed, values, errors };
}
