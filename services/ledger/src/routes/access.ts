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
