import { SellerSnapshotSchema } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_MEMBERS, DEMO_PRODUCTS, DEMO_SELLERS, demoAccount } from './index';

describe('demo sellers', () => {
  it('are members of their cooperative, linked to an account that holds penjual there', () => {
    const members = new Map(DEMO_MEMBERS.map((m) => [m.memberId, m]));
    const accounts = new Map(DEMO_ACCOUNTS.map((a) => [a.personId, a]));
    for (const s of DEMO_SELLERS) {
      expect(SellerSnapshotSchema.strict().safeParse(s).success, s.sellerId).toBe(true);
      expect(members.get(s.sellerId)).toMatchObject({ cooperativeId: s.cooperativeId, personId: s.personId });
      const grant = accounts.get(s.personId)?.grants.find((g) => g.cooperativeId === s.cooperativeId);
      expect(grant?.roles, s.sellerId).toEqual(['anggota', 'penjual']);
    }
    expect(new Set(DEMO_SELLERS.map((s) => s.sellerId)).size).toBe(DEMO_SELLERS.length);
  });

  it('are exactly the penjual accounts, and the first penjual of each cooperative stays the same', () => {
    const penjual = DEMO_ACCOUNTS.filter((a) => a.role === 'penjual').map((a) => a.memberId);
    expect(DEMO_SELLERS.map((s) => s.sellerId).sort()).toEqual([...penjual].sort());
    expect(DEMO_SELLERS.filter((s) => s.cooperativeId === 'karangbesuki').length).toBeGreaterThanOrEqual(4);
    expect(demoAccount('penjual', 'karangbesuki').memberId).toBe('mbr_kb_sri');
    expect(demoAccount('penjual', 'dinoyo').memberId).toBe('mbr_dn_ani');
    expect(demoAccount('penjual', 'bumiayu').memberId).toBe('mbr_ba_wati');
  });

  it("cover every demo product's seller except the cooperatives' own outlets", () => {
    const sellers = new Set(DEMO_SELLERS.map((s) => s.sellerId));
    const outlets = new Set(DEMO_PRODUCTS.map((p) => p.sellerId).filter((id) => id.endsWith('_koperasi')));
    expect([...outlets].sort()).toEqual(['mbr_ba_koperasi', 'mbr_dn_koperasi', 'mbr_kb_koperasi']);
    for (const p of DEMO_PRODUCTS)
      expect(sellers.has(p.sellerId) || outlets.has(p.sellerId), p.sku).toBe(true);
    for (const o of outlets) expect(sellers.has(o)).toBe(false);
  });

  it('link every account that names a member record back from that record', () => {
    const members = new Map(DEMO_MEMBERS.map((m) => [m.memberId, m]));
    for (const a of DEMO_ACCOUNTS.filter((x) => x.memberId))
      expect(members.get(a.memberId!)?.personId, a.personId).toBe(a.personId);
    for (const m of DEMO_MEMBERS.filter((x) => x.personId))
      expect(DEMO_ACCOUNTS.find((a) => a.personId === m.personId)?.memberId, m.memberId).toBe(m.memberId);
  });
});
