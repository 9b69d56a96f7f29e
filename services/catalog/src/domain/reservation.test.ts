import { describe, expect, it } from 'vitest';
import { aProduct } from '../../test/builders';
import { buildProduct } from './product';
import { aggregateLines, lineProblem, orderKey } from './reservation';

const product = (overrides = {}) =>
  buildProduct(aProduct({ stock: 5, ...overrides }), '665f1c2b9d3e4a0012ab34cd', new Date());
const line = (quantity: number) => ({ productId: '665f1c2b9d3e4a0012ab34cd', quantity });

describe('reservation rules', () => {
  it('adds up lines of the same product', () => {
    expect(
      aggregateLines([
        { productId: 'a', quantity: 1 },
        { productId: 'b', quantity: 2 },
        { productId: 'a', quantity: 3 },
      ]),
    ).toEqual([
      { productId: 'a', quantity: 4 },
      { productId: 'b', quantity: 2 },
    ]);
  });

  it('lets a line within stock and limit through', () => {
    expect(lineProblem(line(5), product(), 'karangbesuki')).toBeNull();
  });

  it('names unknown, unpublished and other-cooperative products unavailable', () => {
    expect(lineProblem(line(1), undefined, 'karangbesuki')).toMatchObject({
      reason: 'PRODUCT_UNAVAILABLE',
      available: 0,
    });
    expect(lineProblem(line(1), product({ status: 'draft' }), 'karangbesuki')?.reason).toBe(
      'PRODUCT_UNAVAILABLE',
    );
    expect(lineProblem(line(1), product(), 'dinoyo')?.reason).toBe('PRODUCT_UNAVAILABLE');
  });

  it('rejects more than the per-order limit, saying what the limit is', () => {
    expect(lineProblem(line(2), product({ maxPerOrder: 1 }), 'karangbesuki')).toMatchObject({
      reason: 'LIMIT_EXCEEDED',
      requested: 2,
      available: 1,
    });
  });

  it('rejects more than is on hand, saying how many are', () => {
    expect(lineProblem(line(6), product(), 'karangbesuki')).toMatchObject({
      reason: 'INSUFFICIENT_STOCK',
      requested: 6,
      available: 5,
    });
  });

  it('only uses well-formed order ids as map keys', () => {
    expect(orderKey('ord_0123456789AB')).toBe('ord_0123456789AB');
    expect(() => orderKey('ord_x.y$z')).toThrow();
  });
});
