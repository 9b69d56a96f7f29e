import {
  type AppEnv,
  ErrorBodySchema,
  principalOf,
  requireCooperativeAccess,
  rolesIn,
} from '@pasar/service-kit';
import type { Context } from 'hono';
import type { Actor } from '../domain/product-access';
import type { ActingPerson, WriteContext } from '../use-cases/deps';

export const json = <T>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
export const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
/** A body sent with another content type than application/json. */
export const unsupported = json('The body is not application/json', ErrorBodySchema);
export const productNotFoundAnswer = json(
  "PRODUCT.NOT_FOUND: no such product, another cooperative's, or (for a penjual) another seller's",
  ErrorBodySchema,
);

/** The signed-in person behind the request (the route's rule guarantees one). */
export function actingPerson(c: Context<AppEnv>): ActingPerson {
  const principal = principalOf(c);
  if (!principal) throw new Error('a staff route ran without a principal');
  return {
    personId: principal.personId,
    rolesIn: (cooperativeId) => {
      requireCooperativeAccess(c, cooperativeId);
      return rolesIn(principal, cooperativeId);
    },
  };
}

/** The write context of a request: its id (correlation) and the acting person. */
export const writeContext = (c: Context<AppEnv>): WriteContext => ({
  correlationId: c.get('requestId'),
  actor: actingPerson(c),
});

/** The acting person with their roles in the path's cooperative (path-scoped routes). */
export function actorInPath(c: Context<AppEnv>, cooperativeId: string): Actor {
  const person = actingPerson(c);
  return { personId: person.personId, roles: person.rolesIn(cooperativeId) };
}
