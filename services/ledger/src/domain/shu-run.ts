import type { Period } from './journal';
import {
  allocatePools,
  type MemberBasis,
  memberShares,
  SHU_POOLS,
  type ShuAllocation,
  type ShuPool,
} from './shu';

/**
 * A year's SHU run: computed as a draft from the closed books (recomputing replaces the draft),
 * approved at the RAT (its appropriation entry posted), then distributed to the members (their
 * JM + JU credited to sukarela or paid out, ShuDistributed published). `approving` and
 * `distributing` are the claims of the pengurus whose step is being posted (a crash in between is
 * finished by the same person calling again; the entry ids make the posting happen once).
 */
export const SHU_STATUSES = ['draft', 'approving', 'approved', 'distributing', 'distributed'] as const;
export type ShuStatus = (typeof SHU_STATUSES)[number];
/** What the API shows: a claim in progress is still the state before it. */
export type ShuPublicStatus = 'draft' | 'approved' | 'distributed';
export const publicStatus = (s: ShuStatus): ShuPublicStatus =>
  s === 'approving' ? 'draft' : s === 'distributing' ? 'approved' : s;

export const DISTRIBUTION_TARGETS = ['sukarela', 'cash', 'transfer'] as const;
export type DistributionTarget = (typeof DISTRIBUTION_TARGETS)[number];

export interface MemberInput extends MemberBasis {
  displayName: string;
}

export interface ShuLine extends MemberInput {
  jasaModal: number;
  jasaUsaha: number;
  total: number;
}

export interface ShuComputation {
  /** Income less expenses of the year's closed books (negative: a loss). */
  income: number;
  expenses: number;
  shu: number;
  loss: boolean;
  allocation: ShuAllocation;
  pools: Record<ShuPool, number>;
  members: ShuLine[];
  totals: { savings: number; transactions: number; jasaModal: number; jasaUsaha: number; members: number };
  /** Rupiah of the JM or JU pool no member could take (nobody saved / nobody traded): stays in dana SHU. */
  unshared: { jasaModal: number; jasaUsaha: number };
  roundingNote: string;
}

export interface ShuRun extends ShuComputation {
  cooperativeId: string;
  year: number;
  status: ShuStatus;
  /** Bumped by every write: a step names the version it read, so a second one is refused. */
  version: number;
  computedAt: string;
  computedBy: string;
  ratDate: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  approvalEntryId: string | null;
  distribution: {
    to: DistributionTarget;
    by: string;
    at: string | null;
    entryId: string | null;
    total: number;
  } | null;
}

const ZERO_POOLS = Object.fromEntries(SHU_POOLS.map((p) => [p, 0])) as Record<ShuPool, number>;

export const ROUNDING_NOTE =
  'Pembulatan: SHU dibagi ke setiap dana, lalu dana jasa modal dan jasa usaha dibagi ke anggota, dalam rupiah utuh dengan metode sisa terbesar (setiap bagian dibulatkan ke bawah, sisa rupiahnya diberikan satu per satu kepada pecahan terbesar; pecahan sama menurut nomor anggota). Jumlah bagian selalu tepat sama dengan dananya, dan tidak ada bagian yang selisih satu rupiah atau lebih dari hitungan persisnya.';

/**
 * The year's SHU split by the bylaws and among the members (decision 0017): pools by largest
 * remainder, then JM by each member's savings (pokok + wajib at the year's end) and JU by their
 * transactions of the year. A loss or a zero SHU splits nothing: every pool and share is zero.
 */
export function computeShu(input: {
  income: number;
  expenses: number;
  allocation: ShuAllocation;
  members: readonly MemberInput[];
}): ShuComputation {
  const shu = input.income - input.expenses;
  const pools = shu > 0 ? allocatePools(shu, input.allocation) : { ...ZERO_POOLS };
  const names = new Map(input.members.map((m) => [m.memberId, m.displayName]));
  const shares = memberShares(pools.jasaModal, pools.jasaUsaha, input.members);
  const members = shares.map((s) => ({ ...s, displayName: names.get(s.memberId) ?? s.memberId }));
  const sum = (f: (l: ShuLine) => number) => members.reduce((t, l) => t + f(l), 0);
  const totals = {
    savings: sum((l) => l.savings),
    transactions: sum((l) => l.transactions),
    jasaModal: sum((l) => l.jasaModal),
    jasaUsaha: sum((l) => l.jasaUsaha),
    members: members.length,
  };
  return {
    income: input.income,
    expenses: input.expenses,
    shu,
    loss: shu < 0,
    allocation: { ...input.allocation },
    pools,
    members,
    totals,
    unshared: {
      jasaModal: pools.jasaModal - totals.jasaModal,
      jasaUsaha: pools.jasaUsaha - totals.jasaUsaha,
    },
    roundingNote: ROUNDING_NOTE,
  };
}

/** What the members receive at distribution: JM + JU of each member with a share. */
export function distributionOf(run: Pick<ShuComputation, 'members'>) {
  const members = run.members
    .filter((m) => m.total > 0)
    .map((m) => ({ memberId: m.memberId, amount: m.total }));
  return { members, total: members.reduce((t, m) => t + m.amount, 0) };
}

/** The appropriation at the RAT: the reserve to cadangan, every other pool to dana SHU yang belum dibagi. */
export function appropriationOf(run: Pick<ShuComputation, 'pools' | 'shu'>) {
  return { cadangan: run.pools.cadangan, undistributed: run.shu - run.pools.cadangan };
}

/** The twelve months of a year, in order. */
export function monthsOfYear(year: number): Period[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}
