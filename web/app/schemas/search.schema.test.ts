import { describe, expect, it } from 'vitest';
import { parseSearch } from './search.schema';

const parse = (query: string) => parseSearch(new URLSearchParams(query));

describe('parseSearch', () => {
  it('reads every filter', () => {
    expect(
      parse('q=keripik&category=makanan-ringan&minPrice=1000&maxPrice=20000&inStock=true&sort=price_asc')
        .query,
    ).toEqual({
      q: 'keripik',
      category: 'makanan-ringan',
      minPrice: 1000,
      maxPrice: 20000,
      inStock: true,
      sort: 'price_asc',
    });
  });

  it('ignores empty fields', () => {
    expect(parse('q=&category=&minPrice=')).toEqual({ query: {}, values: {}, errors: {} });
  });

  it('reports a bad price and still searches with the rest', () => {
    const result = parse('q=beras&minPrice=15.000');
    expect(result.errors).toEqual({ minPrice: 'errors.price' });
    expect(result.query).toEqual({ q: 'beras' });
    expect(result.values.minPrice).toBe('15.000');
  });

  it('reports a price range upside down', () => {
    const result = parse('minPrice=20000&maxPrice=1000');
    expect(result.errors).toEqual({ maxPrice: 'errors.priceRange' });
    expect(result.query).toEqual({ minPrice: 20000 });
  });

  it('rejects an unknown sort and a cursor with odd characters', () => {
    expect(parse('sort=cheapest&cursor=%3Cscript%3E').errors).toEqual({
      sort: 'errors.invalidForm',
      cursor: 'errors.invalidForm',
    });
  });
});
