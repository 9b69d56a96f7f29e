import type { CooperativeRole } from '@pasar/contracts';

export type { CatalogDeps, OutboxCollection } from './ports';

export const CATALOG_SOURCE = 'urn:pasar:catalog';

/** Where product events start a flow: an HTTP request (its id correlates) or a seed run. */
export interface WriteContext {
  correlationId?: string;
  /** The signed-in person acting through HTTP; absent for the seed (which writes no audit entry). */
  actor?: ActingPerson;
}

/** The person behind a request, as the routes hand them to the use cases. */
export interface ActingPerson {
  personId: string;
  /**
   * Their roles in the cooperative of the product being changed. Throws the route's answer (404)
   * when they may not act in that cooperative at all, so the use case calls it once it has loaded
   * the product and before it reveals anything about it.
   */
  rolesIn(cooperativeId: string): readonly CooperativeRole[];
}
