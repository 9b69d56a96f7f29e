import { ValidationError } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, filtersFingerprint } from './cursor';

const filters = { cooperativeId: 'karangbesuki', q: 'keripik' };
const fp = filtersFingerprint(filters, 'price_asc');
const position = { key: 15_000, id: '665f1c2b9d3e4a0012ab34cd' };

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err.issues[0]?.field;
    throw err;
  }
  return undefined;
}

describe('page cursors', () => {
  it('round-trips the position it was made from', () => {
    expect(decodeCursor(encodeCursor(position, 'price_asc', fp), 'price_asc', fp)).toEqual(position);
  });

  it('is opaque base64url text', () => {
    expect(encodeCursor(position, 'price_asc', fp)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['JSON of the wrong shape', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
  ])('rejects %s naming query.cursor', (_what, raw) => {
    expect(fieldOf(() => decodeCursor(raw, 'price_asc', fp))).toBe('query.cursor');
  });

  it('rejects a cursor whose position was edited', () => {
    const decoded = JSON.parse(Buffer.from(encodeCursor(position, 'price_asc', fp), 'base64url').toString());
    const tampered = Buffer.from(JSON.stringify({ ...decoded, k: 1 })).toString('base64url');
    expect(() => decodeCursor(tampered, 'price_asc', fp)).toThrow(/altered/);
  });

  it('rejects a cursor sent with another sort or other filters', () => {
    const raw = encodeCursor(position, 'price_asc', fp);
    expect(() => decodeCursor(raw, 'price_desc', filtersFingerprint(filters, 'price_desc'))).toThrow(
      /different query/,
    );
    const other = filtersFingerprint({ ...filters, q: 'tempe' }, 'price_asc');
    expect(() => decodeCursor(raw, 'price_asc', other)).toThrow(/different query/);
  });

  it('treats queries that fold to the same terms as the same query', () => {
    expect(filtersFingerprint({ ...filters, q: ' KERÍPIK ' }, 'name')).toBe(
      filtersFingerprint(filters, 'name'),
    );
  });
});
