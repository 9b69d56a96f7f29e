import { randomId } from '@pasar/service-kit';
import { OrderIdSchema } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import {
  CART_ID_PATTERN,
  hashToken,
  newAccessToken,
  newPickupCode,
  orderIdForKey,
  tokenMatches,
} from './ids';

describe('ids and secrets', () => {
  it('derives order ids the contracts accept from the idempotency key: ord_ + 26 base32 characters', () => {
    const id = orderIdForKey('3f0e2b1c-7a4d-4e2f-9b1a-0c2d3e4f5a6b');
    expect(id).toMatch(/^ord_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(OrderIdSchema.safeParse(id).success).toBe(true);
    expect(orderIdForKey('3f0e2b1c-7a4d-4e2f-9b1a-0c2d3e4f5a6b')).toBe(id);
    expect(orderIdForKey('3f0e2b1c-7a4d-4e2f-9b1a-0c2d3e4f5a6c')).not.toBe(id);
  });

  it('makes cart ids of crt_ + 22 base62 characters', () => {
    expect(randomId('crt')).toMatch(CART_ID_PATTERN);
  });

  it('makes 6-character pickup codes without look-alike characters', () => {
    for (let i = 0; i < 200; i++) expect(newPickupCode()).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
  });

  it('makes 32-byte base64url access tokens and checks them against stored hashes only', () => {
    const token = newAccessToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(tokenMatches(token, [hashToken('other'), hashToken(token)])).toBe(true);
    expect(tokenMatches(newAccessToken(), [hashToken(token)])).toBe(false);
    expect(tokenMatches(undefined, [hashToken(token)])).toBe(false);
    expect(tokenMatches('short', [hashToken('short')])).toBe(false);
  });
});
