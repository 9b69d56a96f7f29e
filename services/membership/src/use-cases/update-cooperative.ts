import { CooperativeUpdated, newEvent } from '@pasar/contracts';
import {
  applyChanges,
  type CooperativeChanges,
  type CooperativeView,
  snapshotOf,
  toCooperativeView,
} from '../domain/cooperative';
import { cooperativeBusy, cooperativeNotFound } from '../domain/errors';
import { EVENT_SOURCE, type MembershipDeps, now } from './ports';

const ATTEMPTS = 3;

/**
 * Applies changes with an optimistic version check (a concurrent update retries on fresh state).
 * CooperativeUpdated (the full new snapshot) is emitted in the same write when a snapshot field
 * changed; display-only changes (description, hours, phone) concern no other service.
 */
export async function updateCooperative(
  deps: MembershipDeps,
  cooperativeId: string,
  changes: CooperativeChanges,
): Promise<CooperativeView> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await deps.cooperatives.findById(cooperativeId);
    if (!current) throw cooperativeNotFound(cooperativeId);
    const { next, changed, snapshotChanged } = applyChanges(current, changes, now(deps));
    if (changed.length === 0) return toCooperativeView(current);
    const events = snapshotChanged
      ? [
          newEvent(CooperativeUpdated, cooperativeId, snapshotOf(next), {
            source: EVENT_SOURCE,
            cooperativeId,
          }),
        ]
      : [];
    if (await deps.cooperatives.update(next, current.version, events)) {
      if (events.length > 0) deps.onEventsWritten('cooperative', cooperativeId);
      deps.logger.info({ cooperativeId, changed, version: next.version }, 'cooperative updated');
      return toCooperativeView(next);
    }
  }
  throw cooperativeBusy(cooperativeId);
}
