import { describe, expect, it } from 'vitest';
import { aProduct } from '../../test/builders';
import { applyChanges, buildProduct, productEventFor } from './product';

const ctx = { source: 'urn:pasar:test', cooperativeId: 'karangbesuki' };
const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-01-02T00:00:00Z');
const id = '665f1c2b9d3e4a0012ab34cd';

describe('product', () => {
  it('starts at version 1 with all stock available', () => {
    const p = buildProduct(aProduct({ stock: 7 }), id, t0);
    expect(p).toMatchObject({ id, version: 1, stock: { available: 7, reserved: 0, sold: 0 } });
  });

  it('applies changes as a new version, or reports no change', () => {
    const p = buildProduct(aProduct({ price: 15_000 }), id, t0);
    expect(applyChanges(p, { price: 16_000 }, t1)).toMatchObject({
      price: 16_000,
      version: 2,
      updatedAt: t1,
    });
    expect(applyChanges(p, { price: 15_000, name: p.name }, t1)).toBeNull();
  });

  it('refuses to publish an archived product directly', () => {
    const archived = buildProduct(aProduct({ status: 'archived' }), id, t0);
    expect(() => applyChanges(archived, { status: 'published' }, t1)).toThrow(
      /archived product cannot become published/,
    );
    expect(applyChanges(archived, { status: 'draft' }, t1)?.status).toBe('draft');
  });

  it('emits Published, Archived or Updated depending on the status move', () => {
    const draft = buildProduct(aProduct({ status: 'draft' }), id, t0);
    const published = applyChanges(draft, { status: 'published' }, t1)!;
    const repriced = applyChanges(published, { price: 1 }, t1)!;
    const archived = applyChanges(repriced, { status: 'archived' }, t1)!;
    expect(productEventFor(undefined, draft, ctx).type).toBe('pasar.catalog.product.updated');
    expect(productEventFor(draft, published, ctx).type).toBe('pasar.catalog.product.published');
    expect(productEventFor(published, repriced, ctx).type).toBe('pasar.catalog.product.updated');
    const evt = productEventFor(repriced, archived, ctx);
    expect(evt.type).toBe('pasar.catalog.product.archived');
    expect(evt.subject).toBe(id);
    expect(evt.data).toMatchObject({ productId: id, status: 'archived', version: 4 });
  });
});
