import { createLogger } from '@pasar/events';
import { describe, expect, it } from 'vitest';
import { json } from '../../test/builders';
import { createApp } from '../app';
import type { Repositories } from '../db/repositories';

// /openapi.json touches no repository: empty stand-ins are enough.
const app = createApp({
  ...({} as Repositories),
  logger: createLogger('test', 'silent'),
  adminToken: 'x'.repeat(16),
});

describe('GET /openapi.json', () => {
  it('documents every route from the zod schemas the routes validate with', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = await json(res);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/cooperatives/{cooperativeId}/categories',
      '/cooperatives/{cooperativeId}/products',
      '/products/{productId}',
      '/products/{productId}/restock',
    ]);
    expect(Object.keys(doc.paths['/products/{productId}'])).toEqual(['get', 'patch']);
    expect(Object.keys(doc.paths['/cooperatives/{cooperativeId}/products'])).toEqual(['get', 'post']);
  });

  it('carries the list filters and the create body constraints', async () => {
    const doc = await json(await app.request('/openapi.json'));
    const list = doc.paths['/cooperatives/{cooperativeId}/products'].get;
    const params = Object.fromEntries(list.parameters.map((p: { name: string }) => [p.name, p]));
    expect(Object.keys(params)).toEqual([
      'cooperativeId',
      'q',
      'category',
      'minPrice',
      'maxPrice',
      'inStock',
      'sort',
      'limit',
      'cursor',
    ]);
    expect(params.sort.schema.enum).toEqual(['newest', 'price_asc', 'price_desc', 'name']);
    expect(params.limit.schema).toMatchObject({ minimum: 1, maximum: 50 });
    const body =
      doc.paths['/cooperatives/{cooperativeId}/products'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(
      expect.arrayContaining(['sku', 'sellerId', 'name', 'category', 'unit', 'price', 'stock']),
    );
    expect(body.properties.price).toMatchObject({ type: 'integer' });
    expect(body.additionalProperties).toBe(false);
  });
});
