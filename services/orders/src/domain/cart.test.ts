import { describe, expect, it } from 'vitest';
import { addItem, type Cart, MAX_LINES, orderLines, removeItem, setItem } from './cart';
import type { Product } from './catalog';

const product = (overrides: Partial<Product> = {}): Product => ({
  productId: 'p1',
  cooperativeId: 'karangbesuki',
  sellerId: 'mbr_sri',
  name: 'LPG 3 kg',
  unit: 'tabung',
  price: 19_000,
  maxPerOrder: 2,
  buyerLimit: null,
  het: false,
  status: 'published',
  version: 1,
  ...overrides,
});
const cart = (items: Cart['items'] = []): Cart => ({
  id: 'crt_x',
  cooperativeId: 'karangbesuki',
  items,
  rev: 0,
  createdAt: new Date(),
  updatedAt: new Date(),
});

describe('cart rules', () => {
  it('adds to the quantity already in the cart', () => {
    expect(addItem(cart([{ productId: 'p1', quantity: 1 }]), product(), 1)).toEqual([
      { productId: 'p1', quantity: 2 },
    ]);
  });

  it('refuses to go over the per-order limit, naming it', () => {
    expect(() => addItem(cart([{ productId: 'p1', quantity: 2 }]), product(), 1)).toThrowError(
      expect.objectContaining({
        code: 'CART.LIMIT_EXCEEDED',
        details: { productId: 'p1', limit: 2, requested: 3 },
      }),
    );
  });

  it('caps any line at 999', () => {
    expect(() => setItem(cart(), product({ maxPerOrder: null }), 1000)).toThrowError(
      expect.objectContaining({ code: 'CART.LIMIT_EXCEEDED' }),
    );
  });

  it('refuses a product of another cooperative', () => {
    expect(() => addItem(cart(), product({ cooperativeId: 'dinoyo' }), 1)).toThrowError(
      expect.objectContaining({ code: 'CART.WRONG_COOPERATIVE', status: 409 }),
    );
  });

  it('refuses an unpublished product as not found', () => {
    expect(() => addItem(cart(), product({ status: 'archived' }), 1)).toThrowError(
      expect.objectContaining({ code: 'PRODUCT.NOT_FOUND', status: 404 }),
    );
  });

  it('holds at most 50 different products', () => {
    const full = cart(Array.from({ length: MAX_LINES }, (_, i) => ({ productId: `x${i}`, quantity: 1 })));
    expect(() => addItem(full, product(), 1)).toThrowError(
      expect.objectContaining({ code: 'CART.TOO_MANY_LINES' }),
    );
  });

  it('removes a line, and removing a missing line changes nothing', () => {
    expect(removeItem(cart([{ productId: 'p1', quantity: 1 }]), 'p1')).toEqual([]);
    expect(removeItem(cart([{ productId: 'p1', quantity: 1 }]), 'zz')).toEqual([
      { productId: 'p1', quantity: 1 },
    ]);
  });
});

describe('order lines', () => {
  it('prices lines from the product read model', () => {
    const lines = orderLines(cart([{ productId: 'p1', quantity: 2 }]), new Map([['p1', product()]]));
    expect(lines[0]).toMatchObject({
      unitPrice: 19_000,
      quantity: 2,
      lineTotal: 38_000,
      sellerId: 'mbr_sri',
    });
  });

  it('refuses an empty cart', () => {
    expect(() => orderLines(cart(), new Map())).toThrowError(expect.objectContaining({ code: 'CART.EMPTY' }));
  });

  it('refuses a product no longer for sale', () => {
    expect(() =>
      orderLines(
        cart([{ productId: 'p1', quantity: 1 }]),
        new Map([['p1', product({ status: 'archived' })]]),
      ),
    ).toThrowError(expect.objectContaining({ code: 'PRODUCT.UNAVAILABLE', details: { productId: 'p1' } }));
  });

  it('re-checks a limit lowered after the product was added', () => {
    expect(() =>
      orderLines(cart([{ productId: 'p1', quantity: 3 }]), new Map([['p1', product()]])),
    ).toThrowError(expect.objectContaining({ code: 'CART.LIMIT_EXCEEDED' }));
  });
});
