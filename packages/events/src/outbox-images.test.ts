import { describe, expect, it } from 'vitest';
import { OutboxImages, type OutboxEntry, storedEntries } from './outbox';

const entry = (id: string, extra: Record<string, unknown> = {}) =>
  ({
    id,
    topic: 't',
    key: 'k',
    envelope: { id, type: 'x', time: '2026-12-03T00:00:00Z', ...extra },
  }) as never as OutboxEntry;

describe('outbox images', () => {
  it('hands an image over once, and only shortly after its write', () => {
    let now = 1_000;
    const images = new OutboxImages(1_000, () => now);
    images.record('orders', 'o1', [entry('e1')]);
    expect(images.take('orders', 'o1')?.map((e) => e.id)).toEqual(['e1']);
    expect(images.take('orders', 'o1')).toBeUndefined(); // taken

    images.record('orders', 'o2', [entry('e2')]);
    expect(images.take('stock_reservations', 'o2')).toBeUndefined(); // another collection
    now += 1_001;
    expect(images.take('orders', 'o2')).toBeUndefined(); // too old: the relay reads the document

    images.record('orders', 'o3', [entry('e3')]);
    images.record('orders', 'o3', []); // a later write left nothing pending
    expect(images.take('orders', 'o3')).toBeUndefined();
  });

  it('gives entries in their stored form: undefined becomes null, or goes with ignoreUndefined', () => {
    const [kept] = storedEntries([entry('e1', { note: undefined, at: new Date(0) })]);
    expect(kept?.envelope).toEqual({
      id: 'e1',
      type: 'x',
      time: '2026-12-03T00:00:00Z',
      note: null,
      at: new Date(0),
    });
    const [dropped] = storedEntries([entry('e1', { note: undefined })], { ignoreUndefined: true });
    expect(dropped?.envelope).not.toHaveProperty('note');
  });
});
