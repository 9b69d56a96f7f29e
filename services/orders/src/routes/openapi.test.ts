import { ACCESS_EXTENSION, routeTable } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { appDeps } from '../test/fixtures';
import { PHONE_PATTERN, PhoneSchema, text } from './schemas';

/** The document, walked as plain JSON. */
type Doc = any;

async function document(): Promise<Doc> {
  const res = await createApp(appDeps().appDeps).request('/openapi.json');
  expect(res.status).toBe(200);
  return res.json();
}

describe('/openapi.json', () => {
  it('documents every route with its access rule, and the route table agrees', async () => {
    const doc = await document();
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops as Record<string, Doc>).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(
      [
        'GET /healthz',
        'GET /metrics',
        'GET /readyz',
        'POST /carts',
        'GET /carts/{cartId}',
        'POST /carts/{cartId}/lines',
        'PUT /carts/{cartId}/lines/{productId}',
        'DELETE /carts/{cartId}/lines/{productId}',
        'POST /orders',
        'GET /orders/{orderId}',
        'POST /orders/{orderId}/cancel',
        'GET /orders/{orderId}/events',
        'GET /me/orders',
        'GET /cooperatives/{cooperativeId}/orders',
        'GET /cooperatives/{cooperativeId}/payment-methods',
        'GET /cooperatives/{cooperativeId}/stats',
        'GET /cooperatives/{cooperativeId}/orders/{orderId}',
        'POST /cooperatives/{cooperativeId}/orders/{orderId}/pack',
        'POST /cooperatives/{cooperativeId}/orders/{orderId}/cancel',
        // fulfilment
        'GET /cooperatives/{cooperativeId}/orders/queue',
        'GET /cooperatives/{cooperativeId}/orders/stream',
        'POST /cooperatives/{cooperativeId}/orders/{orderId}/ready',
        'POST /cooperatives/{cooperativeId}/orders/{orderId}/out-for-delivery',
        'POST /cooperatives/{cooperativeId}/orders/{orderId}/hand-over',
        'POST /cooperatives/{cooperativeId}/orders/{orderId}/deliver',
        'GET /orders/{orderId}/nota',
        'GET /orders/{orderId}/nota.pdf',
        'GET /cooperatives/{cooperativeId}/orders/{orderId}/nota',
        'GET /cooperatives/{cooperativeId}/orders/{orderId}/nota.pdf',
      ].sort(),
    );
    for (const { op } of operations) expect(op[ACCESS_EXTENSION]).toBeDefined();
    expect(routeTable(createApp(appDeps().appDeps)).every((r) => r.access)).toBe(true);
  });

  it('states the rules: guests shop, the link opens an order, staff by role in the path cooperative', async () => {
    const doc = await document();
    const rule = (path: string, method: string) => doc.paths[path][method][ACCESS_EXTENSION];
    expect(rule('/orders', 'post')).toEqual({ allow: ['anonymous'] });
    expect(rule('/orders/{orderId}/events', 'get')).toEqual({ allow: ['order-token'] });
    expect(rule('/me/orders', 'get')).toEqual({ allow: ['signed-in'] });
    expect(rule('/cooperatives/{cooperativeId}/payment-methods', 'get')).toEqual({ allow: ['anonymous'] });
    expect(rule('/cooperatives/{cooperativeId}/orders/{orderId}/pack', 'post')).toEqual({
      allow: ['gudang', 'pengurus'],
      scope: 'path',
    });
    expect(rule('/cooperatives/{cooperativeId}/orders/{orderId}/cancel', 'post')).toEqual({
      allow: ['pengurus', 'kasir'],
      scope: 'path',
    });
  });

  it('documents the live stream as text/event-stream and the answers POST /orders can give', async () => {
    const doc = await document();
    const stream = doc.paths['/orders/{orderId}/events'].get.responses;
    expect(Object.keys(stream[200].content)).toEqual(['text/event-stream']);
    expect(Object.keys(doc.paths['/orders'].post.responses).sort()).toEqual(
      ['200', '201', '400', '401', '404', '409', '413', '415', '422', '429'].sort(),
    );
  });

  it('offers only the payment methods this deployment accepts, and bodies refuse extra fields', async () => {
    const res = await createApp(appDeps({ paymentMethods: ['cash', 'qris'] }).appDeps).request(
      '/openapi.json',
    );
    const doc: Doc = await res.json();
    const body = doc.paths['/orders'].post.requestBody.content['application/json'].schema;
    expect(body.properties.paymentMethod.enum).toEqual(['cash', 'qris']);
    expect(body.additionalProperties).toBe(false);
    expect(body.properties.contact.additionalProperties).toBe(false);
  });
});

/** A tiny generator for the phone pattern: prefixes, 8 to 11 digits, separators anywhere. */
function randomPhone(rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const sep = () => (rand() < 0.3 ? pick([' ', '\t', '.', '-', '(', ')', '\n', '  ']) : '');
  const prefix = pick([['+', '6', '2'], ['6', '2'], ['0']]);
  const digits = Array.from({ length: 8 + Math.floor(rand() * 4) }, () => String(Math.floor(rand() * 10)));
  return [...prefix, '8', ...digits].map((ch) => sep() + ch).join('') + sep();
}

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('the documented patterns and the code agree', () => {
  it('accepts every phone the pattern allows (within 32 characters) and stores +628…', () => {
    const rand = seeded(7);
    const pattern = new RegExp(PHONE_PATTERN);
    let tried = 0;
    for (let i = 0; i < 2_000; i++) {
      const raw = randomPhone(rand);
      if (raw.length > 32) continue;
      tried++;
      expect(pattern.test(raw), raw).toBe(true);
      const parsed = PhoneSchema.safeParse(raw);
      expect(parsed.success, JSON.stringify(raw)).toBe(true);
      expect(parsed.data).toMatch(/^\+628\d{8,11}$/);
    }
    expect(tried).toBeGreaterThan(1_000);
  });

  it('refuses what the pattern refuses, even what the looser contracts rule would take', () => {
    for (const raw of [
      '0812\u00a03456\u00a07890',
      '０８１２３４５６７８９０',
      '0812345678901234',
      '+1 415 555 0100',
    ]) {
      expect(new RegExp(PHONE_PATTERN).test(raw), raw).toBe(false);
      expect(PhoneSchema.safeParse(raw).success, raw).toBe(false);
    }
  });

  it('counts text in code points and trims only what the pattern treats as blank', () => {
    const name = text(2, 80);
    expect(name.safeParse('😀'.repeat(80)).success).toBe(true); // 160 UTF-16 units, 80 characters
    expect(name.safeParse('😀'.repeat(81)).success).toBe(false);
    expect(name.parse('  Siti \n')).toBe('Siti');
    expect(name.safeParse(' a ').success).toBe(false);
    expect(name.parse('\u00a0a')).toBe('\u00a0a'); // a non-ASCII space is text, as the pattern says
  });
});
