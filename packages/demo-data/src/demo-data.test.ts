import {
  CategorySchema,
  CooperativeGrantSchema,
  CooperativeSnapshotSchema,
  normaliseIndonesianPhone,
  RupiahSchema,
  UnitSchema,
} from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_COOPERATIVES, DEMO_MEMBERS, DEMO_PRODUCTS, demoAccount } from './index';

describe('demo data', () => {
  it('has three Kota Malang cooperatives that satisfy the contract', () => {
    expect(DEMO_COOPERATIVES.map((c) => c.cooperativeId)).toEqual(['karangbesuki', 'dinoyo', 'bumiayu']);
    for (const c of DEMO_COOPERATIVES) expect(CooperativeSnapshotSchema.safeParse(c).success).toBe(true);
  });

  it('has at least 100 products across sembako, LPG, air isi ulang, pupuk and UMKM snacks', () => {
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(100);
    const categories = new Set(DEMO_PRODUCTS.map((p) => p.category));
    for (const c of ['sembako', 'lpg', 'air-isi-ulang', 'pupuk', 'makanan-ringan'])
      expect(categories).toContain(c);
  });

  it('prices every product in whole rupiah with a known unit and category', () => {
    for (const p of DEMO_PRODUCTS) {
      expect(RupiahSchema.safeParse(p.price).success, p.sku).toBe(true);
      expect(UnitSchema.safeParse(p.unit).success, p.sku).toBe(true);
      expect(CategorySchema.safeParse(p.category).success, p.sku).toBe(true);
    }
  });

  it('keeps skus unique per cooperative and sellers inside their own cooperative', () => {
    const keys = DEMO_PRODUCTS.map((p) => `${p.cooperativeId}/${p.sku}`);
    expect(new Set(keys).size).toBe(keys.length);
    const memberCoop = new Map(DEMO_MEMBERS.map((m) => [m.memberId, m.cooperativeId]));
    for (const p of DEMO_PRODUCTS) expect(memberCoop.get(p.sellerId), p.sku).toBe(p.cooperativeId);
  });

  it('limits subsidised LPG 3 kg to one per order at the fixed price', () => {
    const lpg = DEMO_PRODUCTS.filter((p) => p.name.startsWith('LPG 3 kg'));
    expect(lpg.length).toBe(3);
    for (const p of lpg)
      expect(p).toMatchObject({ price: 18_000, maxPerOrder: 1, unit: 'tabung', het: true });
  });

  it("limits Karbes Market's LPG 3 kg to 2 tabung per buyer per week, and only there", () => {
    const limited = DEMO_PRODUCTS.filter((p) => p.buyerLimit !== null);
    expect(limited.map((p) => [p.cooperativeId, p.name, p.buyerLimit])).toEqual([
      ['karangbesuki', 'LPG 3 kg (isi ulang)', { quantity: 2, period: 'week' }],
    ]);
  });
});

describe('demo accounts', () => {
  it('has every role in each cooperative, plus dinas and a shopper, with unique ids and phones', () => {
    for (const c of DEMO_COOPERATIVES)
      for (const role of ['anggota', 'penjual', 'ketua', 'bendahara', 'kasir', 'gudang', 'pengawas'] as const)
        expect(demoAccount(role, c.cooperativeId).grants[0]?.cooperativeId).toBe(c.cooperativeId);
    expect(demoAccount('dinas').platform).toEqual(['dinas']);
    expect(demoAccount('pembeli').grants).toEqual([]);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.phone)).size).toBe(DEMO_ACCOUNTS.length);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.personId)).size).toBe(DEMO_ACCOUNTS.length);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.password)).size).toBe(DEMO_ACCOUNTS.length);
  });

  it('uses normalised phones, valid grants and only demo members of the same cooperative', () => {
    const members = new Map(DEMO_MEMBERS.map((m) => [m.memberId, m.cooperativeId]));
    for (const a of DEMO_ACCOUNTS) {
      expect(normaliseIndonesianPhone(a.phone), a.personId).toBe(a.phone);
      for (const g of a.grants) expect(CooperativeGrantSchema.safeParse(g).success, a.personId).toBe(true);
      if (a.memberId) expect(members.get(a.memberId), a.personId).toBe(a.cooperativeId);
      expect(a.password.length).toBeGreaterThanOrEqual(8);
    }
    expect(demoAccount('kasir', 'karangbesuki').password).toBe('karbes-kasir-2026');
  });
});
