import { describe, expect, it } from 'vitest';
import { en } from '~/i18n/en';
import { id } from '~/i18n/id';
import { isLang, isMessageKey, labelOf, localeOf, translate } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translate', () => {
  it('speaks Bahasa Indonesia and English', () => {
    expect(translate('id', 'cart.title')).toBe('Keranjang');
    expect(translate('en', 'cart.title')).toBe('Cart');
  });

  it('fills placeholders', () => {
    expect(translate('id', 'product.stock', { count: 12 })).toBe('Stok: 12');
    expect(translate('id', 'product.limit', { count: 1 })).toBe('Maks. 1 per pesanan');
  });

  it('leaves an unfilled placeholder visible rather than printing "undefined"', () => {
    expect(translate('id', 'product.stock')).toBe('Stok: {count}');
    expect(translate('id', 'product.stock', { other: 1 })).toBe('Stok: {count}');
  });
});

describe('the catalogue', () => {
  it('has the same placeholders in both languages for every key', () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });

  it('has no empty message', () => {
    for (const [key, text] of [...Object.entries(id), ...Object.entries(en)])
      expect(text.trim(), key).not.toBe('');
  });
});

describe('labels and languages', () => {
  it('labels units and categories, falling back to the raw value', () => {
    expect(labelOf('id', 'unit', 'tabung')).toBe('per tabung');
    expect(labelOf('en', 'category', 'lpg')).toBe('LPG gas');
    expect(labelOf('id', 'unit', 'ikat')).toBe('ikat');
  });

  it('knows its languages and message keys', () => {
    expect(isLang('id')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isMessageKey('cart.title')).toBe(true);
    expect(isMessageKey('toString')).toBe(false);
    expect(localeOf('id')).toBe('id-ID');
  });
});
