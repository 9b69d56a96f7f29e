import { describe, expect, it } from 'vitest';
import { CheckoutSchema } from './checkout.schema';
import { parseForm } from './form';

const pickup = {
  idempotencyKey: '5b0c1c1e-6a43-4a49-9f3c-0a1f1c2b3d4e',
  name: 'Siti Aminah',
  phone: '0812-3456-7890',
  fulfilment: 'pickup',
  paymentMethod: 'cash',
};
const delivery = {
  ...pickup,
  fulfilment: 'delivery',
  street: 'Jl. Raya Karangbesuki No. 5',
  kelurahan: 'Karangbesuki',
  kecamatan: 'Sukun',
  city: 'Kota Malang',
};

const check = (fields: Record<string, string>) => parseForm(CheckoutSchema, new URLSearchParams(fields));

describe('CheckoutSchema', () => {
  it('accepts a pickup order and normalises the phone number', () => {
    const result = check(pickup);
    expect(result).toMatchObject({ ok: true, data: { phone: '+6281234567890', fulfilment: 'pickup' } });
  });

  it.each(['081234567890', '+6281234567890', '6281234567890', '0812 3456 789'])(
    'accepts the phone %s',
    (phone) => {
      expect(check({ ...pickup, phone }).ok).toBe(true);
    },
  );

  it.each([
    ['a landline', '0341123456'],
    ['too short', '08123456'],
    ['too long', '0812345678901234'],
    ['letters', '08123abc7890'],
    ['a foreign number', '+61412345678'],
  ])('rejects %s as phone', (_what, phone) => {
    expect(check({ ...pickup, phone })).toEqual({ ok: false, errors: { phone: 'errors.phone' } });
  });

  it('asks for a missing phone as required, not as invalid', () => {
    expect(check({ ...pickup, phone: '  ' })).toEqual({ ok: false, errors: { phone: 'errors.required' } });
  });

  it('wants a name of 2 to 80 characters', () => {
    expect(check({ ...pickup, name: 'S' })).toEqual({ ok: false, errors: { name: 'errors.nameLength' } });
    expect(check({ ...pickup, name: 'x'.repeat(81) })).toEqual({
      ok: false,
      errors: { name: 'errors.nameLength' },
    });
  });

  it('requires the address only for delivery', () => {
    expect(check({ ...pickup, street: '' }).ok).toBe(true);
    expect(check({ ...delivery, street: '', city: ' ' })).toEqual({
      ok: false,
      errors: { street: 'errors.required', city: 'errors.required' },
    });
    expect(check(delivery).ok).toBe(true);
  });

  it('accepts an empty postal code but not a wrong one', () => {
    expect(check({ ...delivery, postalCode: '' }).ok).toBe(true);
    expect(check({ ...delivery, postalCode: '65146' }).ok).toBe(true);
    expect(check({ ...delivery, postalCode: '6514' })).toEqual({
      ok: false,
      errors: { postalCode: 'errors.postalCode' },
    });
  });

  it('knows the six payment methods and no other (which ones a cooperative offers is the service’s word)', () => {
    expect(check({ ...pickup, paymentMethod: 'card' })).toMatchObject({ ok: true });
    expect(check({ ...pickup, paymentMethod: 'bitcoin' })).toEqual({
      ok: false,
      errors: { paymentMethod: 'errors.required' },
    });
  });

  it('needs the idempotency key the form was rendered with', () => {
    const { idempotencyKey: _dropped, ...withoutKey } = pickup;
    expect(check(withoutKey)).toEqual({ ok: false, errors: { idempotencyKey: 'errors.invalidForm' } });
  });

  it('caps the note at 500 characters', () => {
    expect(check({ ...pickup, note: 'x'.repeat(501) })).toEqual({
      ok: false,
      errors: { note: 'errors.tooLong' },
    });
  });
});
