import { createHash } from 'node:crypto';
import { ValidationError } from '@pasar/service-kit';
import { z } from 'zod';
import type { CursorPosition, ProductFilters, ProductSort } from './listing';
import { searchTerms } from './search-text';

/**
 * Opaque page cursors: base64url JSON of the last item's sort key and id, bound to the sort and
 * the filters it was made for, with a checksum. Anything that does not decode, check out, or fit
 * the query it is sent with is a 400 naming `query.cursor` — never a 500, never a wrong page.
 * (The checksum catches edits and corruption; a cursor is not a secret, so no key is needed.)
 */
const PayloadSchema = z.strictObject({
  v: z.literal(1),
  s: z.string(),
  f: z.string(),
  k: z.union([z.number().finite(), z.string().max(200)]),
  id: z.string().regex(/^[0-9a-f]{24}$/),
  c: z.string(),
});

const digest = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

/** A short fingerprint of what a list query asks for, so a cursor cannot be reused on another query. */
export function filtersFingerprint(filters: ProductFilters, sort: ProductSort): string {
  const { cooperativeId, category, minPrice, maxPrice, inStock } = filters;
  return digest([cooperativeId, searchTerms(filters.q), category, minPrice, maxPrice, inStock, sort]).slice(
    0,
    16,
  );
}

export function encodeCursor(position: CursorPosition, sort: ProductSort, fingerprint: string): string {
  const body = { v: 1 as const, s: sort, f: fingerprint, k: position.key, id: position.id };
  const c = digest([body.v, body.s, body.f, body.k, body.id]).slice(0, 16);
  return Buffer.from(JSON.stringify({ ...body, c })).toString('base64url');
}

const invalid = (message: string) => new ValidationError([{ field: 'query.cursor', message }]);

export function decodeCursor(raw: string, sort: ProductSort, fingerprint: string): CursorPosition {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(raw)) throw invalid('is not a cursor from this API');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid('is not a cursor from this API');
  }
  const result = PayloadSchema.safeParse(parsed);
  if (!result.success) throw invalid('is not a cursor from this API');
  const p = result.data;
  if (digest([p.v, p.s, p.f, p.k, p.id]).slice(0, 16) !== p.c) throw invalid('has been altered');
  if (p.s !== sort || p.f !== fingerprint)
    throw invalid('belongs to a different query (sort or filters changed)');
  const wantsNumber = sort !== 'name';
  if (wantsNumber !== (typeof p.k === 'number')) throw invalid('is not a cursor from this API');
  return { key: p.k, id: p.id };
}
