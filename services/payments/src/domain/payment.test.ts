import { PaymentMethodSchema } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { planPayment } from './payment';

describe('planPayment', () => {
  it('makes cash pending collection at once', () => {
    expect(planPayment('cash')).toEqual({ provider: 'cash', status: 'PENDING_COLLECTION' });
  });

  it('keeps every online method waiting for its provider, never succeeded', () => {
    for (const method of PaymentMethodSchema.options.filter((m) => m !== 'cash')) {
      expect(planPayment(method).status, method).toBe('AWAITING_PROVIDER');
    }
    expect(planPayment('card').provider).toBe('stripe');
    expect(planPayment('qris').provider).toBe('midtrans');
  });
});
