import { describe, expect, it } from 'vitest';
import { ProductSnapshotSchema } from './product-snapshot';

const before = {
  productId: '665f1c2b9d3e4a0012ab34cd',
  cooperativeId: 'karangbesuki',
  sellerId: 'mbr_kb_koperasi',
  name: 'LPG 3 kg (isi ulang)',
  category: 'lpg',
  unit: 'tabung',
  price: 18_000,
  maxPerOrder: 1,
  status: 'published',
  imageUrl: null,
  version: 3,
};

describe('ProductSnapshot subsidy fields', () => {
  it('still parses a snapshot written before buyerLimit and het existed', () => {
    const s = ProductSnapshotSchema.parse(before);
    expect(s.buyerLimit).toBeUndefined();
    expect(s.het).toBeUndefined();
  });

  it('carries a per-buyer limit per period and the HET flag', () => {
    const s = ProductSnapshotSchema.parse({
      ...before,
      buyerLimit: { quantity: 2, period: 'week' },
      het: true,
    });
    expect(s).toMatchObject({ buyerLimit: { quantity: 2, period: 'week' }, het: true });
  });

  it('refuses a limit of zero units or an unknown period', () => {
    expect(
      ProductSnapshotSchema.safeParse({ ...before, buyerLimit: { quantity: 0, period: 'week' } }).success,
    ).toBe(false);
    expect(
      ProductSnapshotSchema.safeParse({ ...before, buyerLimit: { quantity: 2, period: 'year' } }).success,
    ).toBe(false);
  });
});
