import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address';
import { createThrottle } from './throttle';

const policy = { maxFailures: 5, blockSeconds: 60, windowSeconds: 900 };
const keys = { account: '+6281234567890', address: '10.0.0.7' };

describe('sign-in throttle', () => {
  it('blocks after 5 consecutive failures of one account, for the block duration', async () => {
    const t = createThrottle(policy);
    for (let i = 0; i < 4; i++) await t.fail(keys);
    expect(await t.retryAfter(keys)).toBe(0);
    await t.fail(keys);
    const wait = await t.retryAfter(keys);
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await t.retryAfter({ account: '+6289999999999', address: '10.0.0.8' })).toBe(0);
  });

  it('resets the account on success, but the address keeps counting', async () => {
    const t = createThrottle(policy);
    for (let i = 0; i < 4; i++) await t.fail(keys);
    await t.succeed(keys);
    for (let i = 0; i < 4; i++) await t.fail({ ...keys, address: `10.0.1.${i}` });
    expect(await t.retryAfter({ ...keys, address: '10.0.2.1' })).toBe(0);
    await t.fail({ account: '+6280000000001', address: '10.0.0.7' });
    // the address has now failed 5 times in a row (4 + 1) with different accounts
    expect(await t.retryAfter({ account: '+6280000000002', address: '10.0.0.7' })).toBeGreaterThan(0);
  });
});

describe('client address', () => {
  const ctx = (peer: string, xff?: string) =>
    ({
      env: { incoming: { socket: { remoteAddress: peer } } },
      req: { header: (n: string) => (n === 'x-forwarded-for' ? xff : undefined) },
    }) as never;
  const trusted = parseTrustedProxies('127.0.0.1,::1');

  it('believes X-Forwarded-For only from a trusted proxy', () => {
    expect(clientAddress(ctx('203.0.113.9', '1.2.3.4'), trusted)).toBe('203.0.113.9');
    expect(clientAddress(ctx('127.0.0.1', '1.2.3.4'), trusted)).toBe('1.2.3.4');
    expect(clientAddress(ctx('::ffff:127.0.0.1', '1.2.3.4'), trusted)).toBe('1.2.3.4');
    expect(clientAddress(ctx('::1'), trusted)).toBe('::1');
  });

  it('takes the right-most untrusted hop, so a client cannot prepend a fake one', () => {
    expect(clientAddress(ctx('127.0.0.1', '6.6.6.6, 198.51.100.4'), trusted)).toBe('198.51.100.4');
    expect(clientAddress(ctx('127.0.0.1', '198.51.100.4, 127.0.0.1'), trusted)).toBe('198.51.100.4');
  });
});
