import { describe, expect, it } from 'vitest';
import { pickupCodeMatches, settleCash } from './handover';

describe('handover', () => {
  it('matches the pickup code whatever the case and blanks', () => {
    expect(pickupCodeMatches({ pickupCode: 'K7P9QX' }, ' k7p 9qx ')).toBe(true);
    expect(pickupCodeMatches({ pickupCode: 'K7P9QX' }, 'K7P9QZ')).toBe(false);
    expect(pickupCodeMatches({ pickupCode: null }, '')).toBe(false);
  });

  it('records the cash and the change of a cash order', () => {
    expect(settleCash({ paymentMethod: 'cash', total: 30_000 }, 50_000)).toEqual({
      cashReceived: 50_000,
      change: 20_000,
    });
    expect(settleCash({ paymentMethod: 'cash', total: 30_000 }, 30_000).change).toBe(0);
  });

  it('refuses a cash order without cash or with too little', () => {
    expect(() => settleCash({ paymentMethod: 'cash', total: 30_000 }, undefined)).toThrowError(
      expect.objectContaining({ code: 'ORDER.CASH_REQUIRED', status: 422 }),
    );
    expect(() => settleCash({ paymentMethod: 'cash', total: 30_000 }, 29_999)).toThrowError(
      expect.objectContaining({ code: 'ORDER.CASH_SHORT', status: 422 }),
    );
  });

  it('takes no cash for an order paid online', () => {
    expect(settleCash({ paymentMethod: 'qris', total: 30_000 }, undefined)).toEqual({
      cashReceived: null,
      change: null,
    });
    expect(() => settleCash({ paymentMethod: 'qris', total: 30_000 }, 30_000)).toThrowError(
      expect.objectContaining({ code: 'ORDER.CASH_NOT_EXPECTED' }),
    );
  });
});
