/**
 * SHU (sisa hasil usaha) for the RAT: the year's surplus split into the pools the bylaws (AD/ART)
 * name, and the two member pools — jasa modal (JM, by savings) and jasa usaha (JU, by transactions)
 * — split among members. Everything is integer rupiah and every split uses the largest-remainder
 * method, so the parts always sum exactly to the whole (the report says so).
 */
export const SHU_POOLS = [
  'cadangan',
  'jasaModal',
  'jasaUsaha',
  'danaPengurus',
  'danaKaryawan',
  'danaPendidikan',
  'danaSosial',
  'danaPembangunanDaerahKerja',
] as const;
export type ShuPool = (typeof SHU_POOLS)[number];

/** The allocation in basis points of the SHU (10,000 = 100 %): 2.5 % is 250. */
export type ShuAllocation = Record<ShuPool, number>;

export class InvalidAllocation extends Error {}

export function checkAllocation(a: ShuAllocation): void {
  for (const pool of SHU_POOLS) {
    const v = a[pool];
    if (!Number.isInteger(v) || v < 0)
      throw new InvalidAllocation(`${pool} must be a whole number of basis points ≥ 0`);
  }
  const sum = SHU_POOLS.reduce((s, p) => s + a[p], 0);
  if (sum !== 10_000)
    throw new InvalidAllocation(`the percentages must sum to 100 (they sum to ${sum / 100})`);
}

/**
 * `total` split in proportion to `weights`, in whole units that sum exactly to `total`: each part
 * is first rounded down, then the units left over go one each to the largest remainders; equal
 * remainders go to the earlier position (callers order members by member id, so it is stable).
 * All zero weights: nothing can be split and every part is zero (the caller reports the pool as
 * undistributed). BigInt keeps `total × weight` exact for any rupiah figure.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new Error('total must be integer rupiah ≥ 0');
  for (const w of weights)
    if (!Number.isSafeInteger(w) || w < 0) throw new Error('weights must be integers ≥ 0');
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum === 0n) return weights.map(() => 0);
  const T = BigInt(total);
  const parts = weights.map((w, i) => {
    const exact = T * BigInt(w);
    return { i, floor: exact / sum, rem: exact % sum };
  });
  let left = T - parts.reduce((s, p) => s + p.floor, 0n);
  const order = [...parts].sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const p of order) {
    if (left === 0n) break;
    p.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.floor));
}

/** The SHU split into the bylaws' pools (each in rupiah; they sum to `shu`). */
export function allocatePools(shu: number, allocation: ShuAllocation): Record<ShuPool, number> {
  checkAllocation(allocation);
  const parts = largestRemainder(
    shu,
    SHU_POOLS.map((p) => allocation[p]),
  );
  return Object.fromEntries(SHU_POOLS.map((p, i) => [p, parts[i]])) as Record<ShuPool, number>;
}

export interface MemberBasis {
  memberId: string;
  /** Simpanan pokok + wajib that counts for JM (decision 0017: balance at the year's end). */
  savings: number;
  /** Purchases through the market plus consignment sales in the year, rupiah. */
  transactions: number;
}

export interface MemberShu {
  memberId: string;
  savings: number;
  transactions: number;
  jasaModal: number;
  jasaUsaha: number;
  total: number;
}

/**
 * Each member's SHU: `JM × savings_i / Σsavings + JU × transactions_i / Σtransactions`, each pool
 * split by largest remainder so the members' shares sum exactly to the pool (members ordered by
 * id for the tie rule).
 */
export function memberShares(
  jasaModal: number,
  jasaUsaha: number,
  members: readonly MemberBasis[],
): MemberShu[] {
  const ordered = [...members].sort((a, b) =>
    a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0,
  );
  const jm = largestRemainder(
    jasaModal,
    ordered.map((m) => m.savings),
  );
  const ju = largestRemainder(
    jasaUsaha,
    ordered.map((m) => m.transactions),
  );
  return ordered.map((m, i) => ({
    ...m,
    jasaModal: jm[i] ?? 0,
    jasaUsaha: ju[i] ?? 0,
    total: (jm[i] ?? 0) + (ju[i] ?? 0),
  }));
}
