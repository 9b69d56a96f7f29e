import { describe, expect, it } from 'vitest';
import { ListingCache } from './listing-cache';

function clockedCache(ttlMs = 1000, maxEntries = 100) {
  let now = 0;
  const cache = new ListingCache({ ttlMs, maxEntries, now: () => now });
  let loads = 0;
  const load = (value: string) => async () => {
    loads++;
    return value;
  };
  return { cache, load, loads: () => loads, advance: (ms: number) => (now += ms) };
}

describe('listing cache', () => {
  it('answers again from memory within the ttl, and loads after it', async () => {
    const { cache, load, loads, advance } = clockedCache();
    await cache.get('kb', 'page', load('a'));
    expect(await cache.get('kb', 'page', load('b'))).toBe('a');
    advance(1000);
    expect(await cache.get('kb', 'page', load('c'))).toBe('c');
    expect(loads()).toBe(2);
  });

  it('forgets a cooperative at once when its products change, and only that one', async () => {
    const { cache, load } = clockedCache();
    await cache.get('kb', 'page', load('old'));
    await cache.get('dinoyo', 'page', load('theirs'));
    cache.invalidate('kb');
    expect(await cache.get('kb', 'page', load('new'))).toBe('new');
    expect(await cache.get('dinoyo', 'page', load('other'))).toBe('theirs');
  });

  it('does not keep an answer that was loading when the cooperative changed', async () => {
    const { cache } = clockedCache();
    let release: (v: string) => void = () => {};
    const slow = cache.get('kb', 'page', () => new Promise<string>((r) => (release = r)));
    cache.invalidate('kb');
    release('before-change');
    expect(await slow).toBe('before-change');
    expect(await cache.get('kb', 'page', async () => 'after-change')).toBe('after-change');
  });

  it('shares one load among concurrent callers and drops failures', async () => {
    const { cache, load, loads } = clockedCache();
    await Promise.all([cache.get('kb', 'p', load('x')), cache.get('kb', 'p', load('y'))]);
    expect(loads()).toBe(1);
    await expect(cache.get('kb', 'q', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('kb', 'q', load('recovered'))).toBe('recovered');
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    const { cache, load } = clockedCache(1000, 2);
    for (const k of ['a', 'b', 'c']) await cache.get('kb', k, load(k));
    expect(cache.size).toBe(2);
    expect(await cache.get('kb', 'a', load('reloaded'))).toBe('reloaded');
  });

  it('is a pass-through with a ttl of 0', async () => {
    const { cache, load, loads } = clockedCache(0);
    await cache.get('kb', 'p', load('1'));
    await cache.get('kb', 'p', load('2'));
    expect(loads()).toBe(2);
  });
});
