import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.server';

describe('parseEnv', () => {
  it('defaults to the fixed local ports in development', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      CATALOG_URL: 'http://127.0.0.1:4001',
      ORDERS_URL: 'http://127.0.0.1:4002',
      PAYMENTS_URL: 'http://127.0.0.1:4003',
      MEMBERSHIP_URL: 'http://127.0.0.1:4004',
      COOKIE_SECURE: false,
    });
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(16);
  });

  it('requires SESSION_SECRET in production and makes cookies secure there', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    const env = parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 'a-long-enough-secret' });
    expect(env.COOKIE_SECURE).toBe(true);
  });

  it('lets an HTTP-only production test turn secure cookies off', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-long-enough-secret',
      COOKIE_SECURE: 'false',
    });
    expect(env.COOKIE_SECURE).toBe(false);
  });

  it('names a bad service URL', () => {
    expect(() => parseEnv({ ORDERS_URL: 'not a url' })).toThrow(/ORDERS_URL/);
  });

  it('drops a trailing slash from service URLs', () => {
    expect(parseEnv({ CATALOG_URL: 'http://catalog:4001/' }).CATALOG_URL).toBe('http://catalog:4001');
  });

  it('reads the public address, extra origins and the trusted proxies', () => {
    const env = parseEnv({
      PUBLIC_BASE_URL: 'https://pasar.example/',
      EXTRA_ORIGINS: 'https://www.pasar.example, https://m.pasar.example/x',
      TRUSTED_PROXIES: '10.0.0.5, 172.16.0.0/12,loopback, fd00::/8',
    });
    expect(env).toMatchObject({
      PUBLIC_ORIGIN: 'https://pasar.example',
      EXTRA_ORIGINS: ['https://www.pasar.example', 'https://m.pasar.example'],
      TRUSTED_PROXIES: ['10.0.0.5', '172.16.0.0/12', 'loopback', 'fd00::/8'],
      // An https public address means Secure cookies, even outside production.
      COOKIE_SECURE: true,
    });
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual(['loopback']);
    expect(parseEnv({ TRUSTED_PROXIES: 'none' }).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({}).PUBLIC_ORIGIN).toBeUndefined();
  });

  it('reads where the server listens', () => {
    expect(parseEnv({}).PORT).toBe(3000);
    expect(parseEnv({}).HOST).toBeUndefined();
    expect(parseEnv({ PORT: '8080', HOST: '127.0.0.1' })).toMatchObject({ PORT: 8080, HOST: '127.0.0.1' });
  });

  it('names a bad PUBLIC_BASE_URL, EXTRA_ORIGINS, TRUSTED_PROXIES or PORT', () => {
    expect(() => parseEnv({ PUBLIC_BASE_URL: 'pasar.example' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => parseEnv({ EXTRA_ORIGINS: 'not a url' })).toThrow(/EXTRA_ORIGINS/);
    for (const bad of ['yes', '10.0.0.300', '10.0.0.0/33', '::1/129', '10.0.0.1/8/1', ',']) {
      expect(() => parseEnv({ TRUSTED_PROXIES: bad }), bad).toThrow(/TRUSTED_PROXIES/);
    }
    expect(() => parseEnv({ PORT: 'http' })).toThrow(/PORT/);
  });
});
