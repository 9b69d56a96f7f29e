import { describe, expect, it } from 'vitest';
import { CURSOR_PATTERN, decodeCursor, encodeCursor, outsideOf } from './cursor';

const id = '665f1c2b9d3e4a0012ab34cd';

describe('page cursors', () => {
  it.each([
    ['a price', { key: 15_000, id }],
    ['a creation time', { key: 1_718_000_000_000, id }],
    ['a folded name', { key: 'keripik tempe bu sri 250 g', id }],
    ['a name with non-ASCII letters', { key: 'kue lapis 千層', id }],
    ['an empty name', { key: '', id }],
  ])('round-trips %s and fits the documented pattern', (_what, position) => {
    const raw = encodeCursor(position);
    expect(raw).toMatch(CURSOR_PATTERN);
    expect(decodeCursor(raw)).toEqual(position);
  });

  it('reads any string that fits the pattern as a position', () => {
    expect(decodeCursor(`0.${id}`)).toEqual({ key: 0, id });
    expect(decodeCursor(`~.${id}`)).toEqual({ key: '', id });
    // base64url of "\u0000a": control characters are dropped from a text key
    expect(decodeCursor(`~AGE.${id}`)).toEqual({ key: 'a', id });
  });

  it.each([
    ['no id', '15000'],
    ['an upper-case id', `15000.${id.toUpperCase()}`],
    ['a negative key', `-1.${id}`],
    ['a fractional key', `1.5.${id}`],
    ['16 digits', `1234567890123456.${id}`],
    ['base64 padding', `~YQ==.${id}`],
    ['old JSON cursors', Buffer.from('{"v":1}').toString('base64url')],
  ])('does not fit the pattern with %s', (_what, raw) => {
    expect(raw).not.toMatch(CURSOR_PATTERN);
  });

  it('places a position of the other kind by MongoDB order: numbers before strings', () => {
    expect(outsideOf({ key: 5, id }, 'name')).toBe('before-all');
    expect(outsideOf({ key: 'a', id }, 'price_asc')).toBe('after-all');
    expect(outsideOf({ key: 'a', id }, 'price_desc')).toBe('before-all');
    expect(outsideOf({ key: 'a', id }, 'newest')).toBe('before-all');
    expect(outsideOf({ key: 5, id }, 'newest')).toBeUndefined();
    expect(outsideOf({ key: 'a', id }, 'name')).toBeUndefined();
  });
});
