import { describe, expect, it } from 'vitest';
import { translator } from '~/utils/i18n';
import type { CartLine } from '~/utils/views';
import { rejectionMessage } from './rejection-message';

const lines: CartLine[] = [
  {
    productId: 'p1',
    name: 'LPG 3 kg (isi ulang)',
    unit: 'tabung',
    unitPrice: 18_000,
    quantity: 3,
    lineTotal: 54_000,
    maxPerOrder: null,
  },
];

describe('rejectionMessage', () => {
  it('names the product and how many are left when stock ran out', () => {
    const order = {
      lines,
      rejection: {
        reason: 'INSUFFICIENT_STOCK' as const,
        productId: 'p1',
        requested: 3,
        available: 1,
      },
    };
    expect(rejectionMessage(translator('id'), order)).toBe(
      'Stok LPG 3 kg (isi ulang) tidak cukup: Anda memesan 3, tersisa 1.',
    );
    expect(rejectionMessage(translator('en'), order)).toBe(
      'Not enough LPG 3 kg (isi ulang) in stock: you ordered 3, 1 left.',
    );
  });

  it('prefers the name the catalog gave, and says when a product is gone', () => {
    const order = {
      lines: [],
      rejection: {
        reason: 'PRODUCT_UNAVAILABLE' as const,
        productId: 'p9',
        productName: 'Pupuk Urea',
        requested: 1,
        available: 0,
      },
    };
    expect(rejectionMessage(translator('id'), order)).toBe('Pupuk Urea sudah tidak dijual.');
  });

  it('is nothing for an order that was not rejected', () => {
    expect(rejectionMessage(translator('id'), { lines, rejection: null })).toBeNull();
  });
});
