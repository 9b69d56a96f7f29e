import { describe, expect, it } from 'vitest';
import { mayChangeProduct, maySeeUnlisted, ownerOfNewProduct } from './product-access';

const mine = { ownerPersonId: 'prs_sri' };
const staffListing = { ownerPersonId: null };

describe('product access', () => {
  it('lets staff change any product of their cooperative', () => {
    for (const role of ['pengurus', 'gudang'] as const) {
      expect(mayChangeProduct({ personId: 'prs_x', roles: [role] }, mine)).toBe(true);
      expect(mayChangeProduct({ personId: 'prs_x', roles: [role] }, staffListing)).toBe(true);
    }
  });

  it("lets a penjual change only their own listings, never staff's or another seller's", () => {
    expect(mayChangeProduct({ personId: 'prs_sri', roles: ['penjual'] }, mine)).toBe(true);
    expect(mayChangeProduct({ personId: 'prs_budi', roles: ['penjual'] }, mine)).toBe(false);
    expect(mayChangeProduct({ personId: 'prs_sri', roles: ['penjual'] }, staffListing)).toBe(false);
  });

  it('lets no one else change a product (pengawas, kasir, anggota)', () => {
    for (const role of ['pengawas', 'kasir', 'anggota'] as const)
      expect(mayChangeProduct({ personId: 'prs_sri', roles: [role] }, mine)).toBe(false);
  });

  it('shows unlisted products to staff, pengawas and the owner only', () => {
    expect(maySeeUnlisted({ personId: 'prs_x', roles: ['pengawas'] }, mine)).toBe(true);
    expect(maySeeUnlisted({ personId: 'prs_sri', roles: ['penjual'] }, mine)).toBe(true);
    expect(maySeeUnlisted({ personId: 'prs_budi', roles: ['penjual'] }, mine)).toBe(false);
    expect(maySeeUnlisted({ personId: 'prs_x', roles: ['kasir', 'anggota'] }, mine)).toBe(false);
  });

  it('records the penjual as owner of what they list, nobody for staff or the seed', () => {
    expect(ownerOfNewProduct({ personId: 'prs_sri', roles: ['anggota', 'penjual'] })).toBe('prs_sri');
    expect(ownerOfNewProduct({ personId: 'prs_x', roles: ['penjual', 'gudang'] })).toBeNull();
    expect(ownerOfNewProduct(undefined)).toBeNull();
  });
});
