import { createLogger } from '@pasar/events';
import { routeTable } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { json } from '../../test/builders';
import { createApp } from '../app';
import { CURSOR_PATTERN, encodeCursor } from '../domain/cursor';
import type { CatalogDeps } from '../use-cases/ports';

// /openapi.json touches no store: empty stand-ins are enough.
const app = createApp({ ...({} as CatalogDeps), logger: createLogger('test', 'silent') });
const doc = await json(await app.request('/openapi.json'));
const op = (path: string, method: string) => doc.paths[path][method];

describe('GET /openapi.json (generated from the route definitions)', () => {
  it('lists every route of the app, each with its x-pasar-access rule', () => {
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const table = routeTable(app);
    expect(documented.sort()).toEqual(table.map((r) => `${r.method} ${r.path}`).sort());
    expect(documented.sort()).toEqual([
      'GET /cooperatives/{cooperativeId}/categories',
      'GET /cooperatives/{cooperativeId}/listing-settings',
      'GET /cooperatives/{cooperativeId}/products',
      'GET /cooperatives/{cooperativeId}/products/all',
      'GET /cooperatives/{cooperativeId}/reviews',
      'GET /cooperatives/{cooperativeId}/sellers/{sellerId}',
      'GET /healthz',
      'GET /metrics',
      'GET /products/{productId}',
      'GET /products/{productId}/history',
      'GET /readyz',
      'PATCH /products/{productId}',
      'POST /cooperatives/{cooperativeId}/products',
      'POST /products/{productId}/restock',
      'POST /products/{productId}/review/approve',
      'POST /products/{productId}/review/reject',
      'POST /products/{productId}/stock-adjustments',
      'PUT /cooperatives/{cooperativeId}/listing-settings',
      'PUT /products/{productId}/photos',
    ]);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, never>>))
      for (const [method, o] of Object.entries(ops))
        expect(o['x-pasar-access'], `${method} ${path}`).toMatchObject({ allow: expect.any(Array) });
  });

  it('states who may call each route', () => {
    const rule = (path: string, method: string) => op(path, method)['x-pasar-access'];
    expect(rule('/cooperatives/{cooperativeId}/products', 'get')).toEqual({ allow: ['anonymous'] });
    expect(rule('/products/{productId}', 'get')).toEqual({ allow: ['anonymous'] });
    expect(rule('/cooperatives/{cooperativeId}/products', 'post')).toEqual({
      allow: ['pengurus', 'gudang', 'penjual'],
      scope: 'path',
    });
    expect(rule('/products/{productId}', 'patch')).toEqual({
      allow: ['pengurus', 'gudang', 'penjual'],
      scope: 'resource',
    });
    expect(rule('/cooperatives/{cooperativeId}/products/all', 'get')).toEqual({
      allow: ['pengurus', 'gudang', 'pengawas', 'penjual'],
      scope: 'path',
    });
    expect(op('/products/{productId}/restock', 'post').security).toEqual([{ bearer: [] }]);
    expect(rule('/cooperatives/{cooperativeId}/sellers/{sellerId}', 'get')).toEqual({ allow: ['anonymous'] });
    expect(rule('/cooperatives/{cooperativeId}/reviews', 'get')).toEqual({
      allow: ['pengurus', 'pengawas'],
      scope: 'path',
    });
    expect(rule('/products/{productId}/review/approve', 'post')).toEqual({
      allow: ['pengurus'],
      scope: 'resource',
    });
    expect(rule('/products/{productId}/review/reject', 'post')).toEqual({
      allow: ['pengurus'],
      scope: 'resource',
    });
    expect(rule('/cooperatives/{cooperativeId}/listing-settings', 'put')).toEqual({
      allow: ['pengurus'],
      scope: 'path',
    });
    expect(rule('/products/{productId}/history', 'get')).toEqual({
      allow: ['pengurus', 'gudang', 'pengawas', 'penjual'],
      scope: 'resource',
    });
    for (const path of ['/products/{productId}/stock-adjustments', '/products/{productId}/photos'])
      expect(rule(path, path.endsWith('photos') ? 'put' : 'post')).toEqual({
        allow: ['pengurus', 'gudang', 'penjual'],
        scope: 'resource',
      });
  });

  it.each([
    [
      '/cooperatives/{cooperativeId}/products',
      'post',
      ['201', '400', '401', '403', '404', '409', '413', '415', '422'],
    ],
    ['/products/{productId}', 'patch', ['200', '400', '401', '403', '404', '409', '413', '415', '422']],
    [
      '/products/{productId}/stock-adjustments',
      'post',
      ['200', '400', '401', '403', '404', '409', '413', '415', '422'],
    ],
    ['/products/{productId}/photos', 'put', ['200', '400', '401', '403', '404', '409', '413', '415', '422']],
    ['/products/{productId}/history', 'get', ['200', '400', '401', '403', '404']],
    ['/products/{productId}/review/approve', 'post', ['200', '400', '401', '403', '404', '409']],
    ['/products/{productId}/review/reject', 'post', ['200', '400', '401', '403', '404', '409', '413', '415']],
    ['/cooperatives/{cooperativeId}/reviews', 'get', ['200', '400', '401', '403', '404']],
    [
      '/cooperatives/{cooperativeId}/listing-settings',
      'put',
      ['200', '400', '401', '403', '404', '409', '413', '415'],
    ],
    ['/cooperatives/{cooperativeId}/sellers/{sellerId}', 'get', ['200', '400', '401', '404']],
    ['/products/{productId}/restock', 'post', ['200', '400', '401', '403', '404', '409', '413', '415']],
    ['/cooperatives/{cooperativeId}/products/all', 'get', ['200', '400', '401', '403', '404']],
    ['/cooperatives/{cooperativeId}/products', 'get', ['200', '400', '401', '404']],
    ['/products/{productId}', 'get', ['200', '400', '401', '404']],
  ])('documents every answer %s %s gives, each with a schema', (path, method, statuses) => {
    const responses = op(path, method).responses;
    expect(Object.keys(responses).sort()).toEqual(statuses);
    for (const s of statuses) expect(responses[s].content['application/json'].schema, s).toBeDefined();
  });

  it('describes the cursor by exactly the pattern the route accepts', () => {
    const cursor = op('/cooperatives/{cooperativeId}/products', 'get').parameters.find(
      (p: { name: string }) => p.name === 'cursor',
    );
    expect(cursor.schema.pattern).toBe(CURSOR_PATTERN.source);
    expect(encodeCursor({ key: 'keripik', id: '665f1c2b9d3e4a0012ab34cd' })).toMatch(
      new RegExp(cursor.schema.pattern),
    );
  });

  it('accepts an empty PATCH body (no minProperties) and rejects unknown fields (additionalProperties false)', () => {
    const schema = op('/products/{productId}', 'patch').requestBody.content['application/json'].schema;
    expect(schema.minProperties).toBeUndefined();
    expect(schema.required).toBeUndefined();
    expect(schema.additionalProperties).toBe(false);
  });

  it('carries the create body constraints', () => {
    const body = op('/cooperatives/{cooperativeId}/products', 'post').requestBody;
    expect(body.required).toBe(true);
    const schema = body.content['application/json'].schema;
    expect(schema.required).toEqual(['sku', 'name', 'category', 'unit', 'price', 'stock']);
    expect(schema.properties.price).toMatchObject({ type: 'integer', minimum: 1 });
    expect(schema.properties.name).toMatchObject({ minLength: 2, maxLength: 120 });
    expect(schema.additionalProperties).toBe(false);
  });
});
