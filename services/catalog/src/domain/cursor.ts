import type { CursorPosition, ProductSort } from './listing';

/**
 * Page cursors are keyset positions: the last item's sort key and id, `<key>.<id>`. A number key
 * is written as digits (`1718000000000.665f…`); a text key (the `name` sort) as `~` + base64url of
 * its UTF-8 (`~a2VyaXBpaw.665f…`). The pattern below is the whole rule, and the OpenAPI document
 * carries it as is: every string that matches it is a position the API accepts, so a cursor is
 * never refused once it fits (the next page is "the items after that position, in this query's
 * order"). A position of the other kind than the sort's key follows MongoDB's order, where every
 * number comes before every string (see `outsideOf`).
 */
export const CURSOR_PATTERN = /^(?:[0-9]{1,15}|~[A-Za-z0-9_-]{0,640})\.[0-9a-f]{24}$/;

export function encodeCursor(position: CursorPosition): string {
  const key =
    typeof position.key === 'number'
      ? String(position.key)
      : `~${Buffer.from(position.key, 'utf8').toString('base64url')}`;
  return `${key}.${position.id}`;
}

// Control characters never occur in a folded name; dropping them keeps stored queries plain text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The position a cursor names. Only call it with a string that matches CURSOR_PATTERN (the schema checks). */
export function decodeCursor(raw: string): CursorPosition {
  const dot = raw.lastIndexOf('.');
  const key = raw.slice(0, dot);
  const id = raw.slice(dot + 1);
  if (key.startsWith('~'))
    return { key: Buffer.from(key.slice(1), 'base64url').toString('utf8').replace(CONTROL, ''), id };
  return { key: Number(key), id };
}

/**
 * For a position whose key is not of the sort's kind: where it lies in that order. Numbers come
 * before strings (MongoDB's order), so a number under the `name` sort is before every item (the
 * first page), a string under `price_asc` after every item (an empty page), and a string under a
 * descending numeric sort (`newest`, `price_desc`) before every item. `undefined`: the same kind.
 */
export function outsideOf(
  position: CursorPosition,
  sort: ProductSort,
): 'before-all' | 'after-all' | undefined {
  const textSort = sort === 'name';
  if (textSort === (typeof position.key === 'string')) return undefined;
  if (textSort) return 'before-all';
  return sort === 'price_asc' ? 'after-all' : 'before-all';
}
