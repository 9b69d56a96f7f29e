import { describe, expect, it } from 'vitest';
import { AddToCartSchema } from './add-to-cart.schema';
import { CartLineSchema } from './cart-line.schema';
import { parseForm } from './form';
import { LanguageSchema } from './language.schema';

const productId = '0123456789abcdef01234567';
const add = (quantity: string) => parseForm(AddToCartSchema, new URLSearchParams({ productId, quantity }));

describe('AddToCartSchema', () => {
  it('accepts a whole quantity from 1 to 999', () => {
    expect(add('1')).toEqual({ ok: true, data: { productId, quantity: 1 } });
    expect(add('999')).toMatchObject({ ok: true });
  });

  it.each([
    ['0', 'errors.quantityMin'],
    ['-2', 'errors.quantityMin'],
    ['1000', 'errors.quantityMax'],
    ['1.5', 'errors.quantityWhole'],
    ['dua', 'errors.quantityWhole'],
  ])('rejects quantity %s with %s', (quantity, message) => {
    expect(add(quantity)).toEqual({ ok: false, errors: { quantity: message } });
  });

  it('rejects a malformed product id', () => {
    const result = parseForm(
      AddToCartSchema,
      new URLSearchParams({ productId: '../../admin', quantity: '1' }),
    );
    expect(result).toEqual({ ok: false, errors: { productId: 'errors.invalidForm' } });
  });

  it('ignores a tampered price field: only product and quantity are read', () => {
    const result = parseForm(AddToCartSchema, new URLSearchParams({ productId, quantity: '1', price: '1' }));
    expect(result).toEqual({ ok: true, data: { productId, quantity: 1 } });
  });
});

describe('CartLineSchema', () => {
  it('updates with a quantity and removes without one', () => {
    expect(
      parseForm(CartLineSchema, new URLSearchParams({ intent: 'update', productId, quantity: '2' })),
    ).toEqual({
      ok: true,
      data: { intent: 'update', productId, quantity: 2 },
    });
    expect(parseForm(CartLineSchema, new URLSearchParams({ intent: 'remove', productId }))).toMatchObject({
      ok: true,
    });
  });

  it('rejects an unknown intent', () => {
    expect(parseForm(CartLineSchema, new URLSearchParams({ intent: 'steal', productId })).ok).toBe(false);
  });
});

describe('LanguageSchema', () => {
  const lang = (fields: Record<string, string>) => parseForm(LanguageSchema, new URLSearchParams(fields));

  it('keeps a same-site path to go back to', () => {
    expect(lang({ lang: 'en', redirectTo: '/k/karangbesuki?q=beras' })).toEqual({
      ok: true,
      data: { lang: 'en', redirectTo: '/k/karangbesuki?q=beras' },
    });
  });

  it.each(['//evil.example/x', 'https://evil.example', '/\\evil.example'])(
    'never redirects off-site (%s)',
    (to) => {
      expect(lang({ lang: 'id', redirectTo: to })).toMatchObject({ ok: true, data: { redirectTo: '/' } });
    },
  );

  it('rejects an unknown language', () => {
    expect(lang({ lang: 'fr' }).ok).toBe(false);
  });
});
