import { CooperativeRegistered, newEvent } from '@pasar/contracts';
import {
  type CooperativeView,
  type NewCooperative,
  newCooperative,
  snapshotOf,
  toCooperativeView,
} from '../domain/cooperative';
import { cooperativeExists } from '../domain/errors';
import { EVENT_SOURCE, type MembershipDeps, now } from './ports';

/** A new tenant: stored together with its CooperativeRegistered event in one write. */
export async function registerCooperative(
  deps: MembershipDeps,
  input: NewCooperative,
): Promise<CooperativeView> {
  const cooperative = newCooperative(input, now(deps));
  const event = newEvent(CooperativeRegistered, cooperative.cooperativeId, snapshotOf(cooperative), {
    source: EVENT_SOURCE,
    cooperativeId: cooperative.cooperativeId,
  });
  if (!(await deps.cooperatives.insert(cooperative, [event])))
    throw cooperativeExists(cooperative.cooperativeId);
  deps.onEventsWritten('cooperative', cooperative.cooperativeId);
  deps.logger.info({ cooperativeId: cooperative.cooperativeId, eventId: event.id }, 'cooperative registered');
  return toCooperativeView(cooperative);
}
