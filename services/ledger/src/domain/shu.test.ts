import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePools, largestRemainder, memberShares, SHU_POOLS, type ShuAllocation } from './shu';

const pct = (p: number) => Math.round(p * 100);

describe('SHU: worked examples, by hand', () => {
  it('example 1 — round figures: Rp 10.000.000, three members', () => {
    // Bylaws: cadangan 25 %, JM 20 %, JU 30 %, pengurus, karyawan, pendidikan, sosial and
    // pembangunan daerah kerja 5 % each.
    const allocation: ShuAllocation = {
      cadangan: pct(25),
      jasaModal: pct(20),
      jasaUsaha: pct(30),
      danaPengurus: pct(5),
      danaKaryawan: pct(5),
      danaPendidikan: pct(5),
      danaSosial: pct(5),
      danaPembangunanDaerahKerja: pct(5),
    };
    const pools = allocatePools(10_000_000, allocation);
    expect(pools).toEqual({
      cadangan: 2_500_000,
      jasaModal: 2_000_000,
      jasaUsaha: 3_000_000,
      danaPengurus: 500_000,
      danaKaryawan: 500_000,
      danaPendidikan: 500_000,
      danaSosial: 500_000,
      danaPembangunanDaerahKerja: 500_000,
    });
    // Σsavings = 4.000.000, Σtransactions = 6.000.000.
    // A: JM 2.000.000 × 1/4 = 500.000; JU 3.000.000 × 3/6 = 1.500.000 → 2.000.000
    // B: JM 2.000.000 × 2/4 = 1.000.000; JU 3.000.000 × 1/6 = 500.000 → 1.500.000
    // C: JM 2.000.000 × 1/4 = 500.000; JU 3.000.000 × 2/6 = 1.000.000 → 1.500.000
    const shares = memberShares(pools.jasaModal, pools.jasaUsaha, [
      { memberId: 'mbr_a', savings: 1_000_000, transactions: 3_000_000 },
      { memberId: 'mbr_b', savings: 2_000_000, transactions: 1_000_000 },
      { memberId: 'mbr_c', savings: 1_000_000, transactions: 2_000_000 },
    ]);
    expect(shares.map((s) => [s.memberId, s.jasaModal, s.jasaUsaha, s.total])).toEqual([
      ['mbr_a', 500_000, 1_500_000, 2_000_000],
      ['mbr_b', 1_000_000, 500_000, 1_500_000],
      ['mbr_c', 500_000, 1_000_000, 1_500_000],
    ]);
  });

  it('example 2 — remainders: Rp 1.000.001, 2.5 % pools, three equal savers', () => {
    const allocation: ShuAllocation = {
      cadangan: pct(40),
      jasaModal: pct(20),
      jasaUsaha: pct(25),
      danaPengurus: pct(5),
      danaKaryawan: pct(2.5),
      danaPendidikan: pct(2.5),
      danaSosial: pct(2.5),
      danaPembangunanDaerahKerja: pct(2.5),
    };
    // Exact pools: cadangan 400.000,4 · JM 200.000,2 · JU 250.000,25 · pengurus 50.000,05 ·
    // four pools of 25.000,025. Rounded down they sum to 1.000.000; the one rupiah left goes to
    // the largest remainder, cadangan's 0,4.
    const pools = allocatePools(1_000_001, allocation);
    expect(pools).toEqual({
      cadangan: 400_001,
      jasaModal: 200_000,
      jasaUsaha: 250_000,
      danaPengurus: 50_000,
      danaKaryawan: 25_000,
      danaPendidikan: 25_000,
      danaSosial: 25_000,
      danaPembangunanDaerahKerja: 25_000,
    });
    // JM 200.000 over three equal savings: 66.666,67 each; rounded down 199.998; the 2 rupiah
    // left go to the equal remainders in member-id order: A and B get 66.667, C 66.666.
    // JU 250.000 by transactions 50.000 / 30.000 / 20.000: 125.000 / 75.000 / 50.000 exactly.
    const shares = memberShares(pools.jasaModal, pools.jasaUsaha, [
      { memberId: 'mbr_c', savings: 100_000, transactions: 20_000 },
      { memberId: 'mbr_a', savings: 100_000, transactions: 50_000 },
      { memberId: 'mbr_b', savings: 100_000, transactions: 30_000 },
    ]);
    expect(shares.map((s) => [s.memberId, s.jasaModal, s.jasaUsaha, s.total])).toEqual([
      ['mbr_a', 66_667, 125_000, 191_667],
      ['mbr_b', 66_667, 75_000, 141_667],
      ['mbr_c', 66_666, 50_000, 116_666],
    ]);
  });

  it('refuses an allocation that does not sum to 100 %', () => {
    const allocation = Object.fromEntries(SHU_POOLS.map((p) => [p, 1000])) as ShuAllocation;
    expect(() => allocatePools(1_000, allocation)).toThrow(/sum to 100 \(they sum to 80\)/);
  });
});

describe('largest remainder', () => {
  it('always sums to the whole, and no part is more than one rupiah from its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          const parts = largestRemainder(total, weights);
          const sum = weights.reduce((s, w) => s + w, 0);
          if (sum === 0) return expect(parts.every((p) => p === 0)).toBe(true);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          weights.forEach((w, i) => {
            expect(Math.abs((parts[i] ?? 0) - (total * w) / sum)).toBeLessThan(1.000001);
          });
        },
      ),
    );
  });
});
