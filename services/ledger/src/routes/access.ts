import type { AccessRule } from '@pasar/service-kit';

/** Reports and the journal: the board reads them, the supervisors (pengawas) read everything. */
export const READERS = { allow: ['pengurus', 'pengawas'], scope: 'path' } as const satisfies AccessRule;
/** Money is recorded by the bendahara: manual entries, reversals, closing periods. */
export const BENDAHARA = {
  allow: ['pengurus'],
  scope: 'path',
  position: 'bendahara',
} as const satisfies AccessRule;
/** A second pengurus (any position) approves or rejects; the use case refuses the proposer. */
export const DECIDERS = { allow: ['pengurus'], scope: 'path' } as const satisfies AccessRule;
/** The city office: figures summed per cooperative, never an entry or a member. */
export const DINAS = { allow: ['dinas'] } as const satisfies AccessRule;
/** The chart of accounts is the same for every cooperative and holds no cooperative's data. */
export const SIGNED_IN = { allow: ['signed-in'] } as const satisfies AccessRule;
/**
 * SHU's bylaws allocation and the RAT's approval: a pengurus in the ketua or the bendahara position
 * (a rule names one position, so the route admits every pengurus and the use case narrows it).
 */
export const KETUA_OR_BENDAHARA = { allow: ['pengurus'], scope: 'path' } as const satisfies AccessRule;
/** A member of the cooperative: their own SHU line only (found from the token's person). */
export const MEMBER = { allow: ['anggota'], scope: 'path' } as const satisfies AccessRule;
/** Which years have SHU: the board and the pengawas (every run), members (approved ones). */
export const SHU_YEARS = {
  allow: ['pengurus', 'pengawas', 'anggota'],
  scope: 'path',
} as const satisfies AccessRule;
