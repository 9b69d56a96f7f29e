import { afterEach, describe, expect, it } from 'vitest';
import { mongoDeps } from '../test/mongo-deps';

const dbs: { drop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.drop();
});

describe('nota counters (FerretDB/MongoDB)', () => {
  it('hands out 1, 2, 3 … per cooperative and year, never the same number twice, even concurrently', async () => {
    const m = await mongoDeps();
    dbs.push(m);
    const numbers = await Promise.all(
      Array.from({ length: 12 }, () => m.stores.notaCounters.next('karangbesuki', 2026)),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await m.stores.notaCounters.next('karangbesuki', 2027)).toBe(1);
    expect(await m.stores.notaCounters.next('dinoyo', 2026)).toBe(1);
  });
});
