import { describe, expect, it } from 'vitest';
import { appropriationOf, computeShu, distributionOf } from './shu-run';

const allocation = {
  cadangan: 4000,
  jasaModal: 2000,
  jasaUsaha: 2500,
  danaPengurus: 500,
  danaKaryawan: 250,
  danaPendidikan: 250,
  danaSosial: 250,
  danaPembangunanDaerahKerja: 250,
};
const m = (memberId: string, savings: number, transactions: number) => ({
  memberId,
  displayName: memberId,
  savings,
  transactions,
});

describe('a year’s SHU run', () => {
  it('leaves the JU pool unshared when no member traded, and says how much', () => {
    const run = computeShu({
      income: 1_000_000,
      expenses: 0,
      allocation,
      members: [m('a', 100, 0), m('b', 300, 0)],
    });
    expect(run.pools).toMatchObject({ jasaModal: 200_000, jasaUsaha: 250_000 });
    expect(run.members.map((x) => x.total)).toEqual([50_000, 150_000]);
    expect(run.unshared).toEqual({ jasaModal: 0, jasaUsaha: 250_000 });
    expect(distributionOf(run)).toEqual({
      members: [
        { memberId: 'a', amount: 50_000 },
        { memberId: 'b', amount: 150_000 },
      ],
      total: 200_000,
    });
    expect(appropriationOf(run)).toEqual({ cadangan: 400_000, undistributed: 600_000 });
  });

  it('splits nothing of a loss, and a member without a share is not paid', () => {
    const run = computeShu({ income: 100, expenses: 500, allocation, members: [m('a', 100, 100)] });
    expect(run).toMatchObject({ shu: -400, loss: true, totals: { jasaModal: 0, jasaUsaha: 0 } });
    expect(Object.values(run.pools).every((p) => p === 0)).toBe(true);
    expect(distributionOf(run)).toEqual({ members: [], total: 0 });
  });
});
