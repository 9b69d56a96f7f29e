import type { BoardPosition, CooperativeRole } from '@pasar/contracts';
import { lastKetua, personBusy, personNotFound } from '../domain/errors';
import { grantIn, isKetuaOf, normaliseGrant, type Person, withGrant } from '../domain/person';
import { type Actor, auditEvent } from './audit';
import { grantFacts, type StaffPersonView, toStaffPersonView } from './people-view';
import { type AccountsDeps, now } from './ports';

const ATTEMPTS = 3;

/**
 * The ketua sets a person's roles in the cooperative (an empty list removes them). The change and its
 * AuditRecorded event are one versioned write. The cooperative always keeps a ketua: demoting the
 * last one is refused (409 PEOPLE.LAST_KETUA).
 */
export async function setRoles(
  deps: AccountsDeps,
  actor: Actor,
  cooperativeId: string,
  personId: string,
  input: { roles: CooperativeRole[]; position?: BoardPosition },
): Promise<StaffPersonView> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const at = now(deps);
    const person = await deps.people.findById(personId);
    if (!person || !grantIn(person, cooperativeId)) throw personNotFound();
    const nextGrant = normaliseGrant(cooperativeId, input.roles, input.position);
    const next: Person = {
      ...person,
      grants: withGrant(person.grants, nextGrant),
      updatedAt: at,
      version: person.version + 1,
    };
    if (isKetuaOf(person, cooperativeId) && !isKetuaOf(next, cooperativeId)) {
      if ((await deps.people.countKetua(cooperativeId)) <= 1) throw lastKetua();
    }
    const before = grantFacts(person, cooperativeId);
    const after = grantFacts(next, cooperativeId);
    if (JSON.stringify(before) === JSON.stringify(after)) return toStaffPersonView(person, cooperativeId);
    const event = auditEvent({
      cooperativeId,
      actor,
      action: nextGrant.roles.length === 0 ? 'membership.role.revoked' : 'membership.role.changed',
      target: { type: 'person', id: personId },
      before,
      after,
      at,
    });
    if (await deps.people.update(next, person.version, [event])) {
      deps.onEventsWritten('person', personId);
      deps.logger.info({ personId, cooperativeId, by: actor.personId }, 'roles changed');
      return toStaffPersonView(next, cooperativeId);
    }
  }
  throw personBusy();
}
