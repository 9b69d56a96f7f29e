import type { Logger } from '@pasar/events';
import type { createServiceApp } from '@pasar/service-kit';
import type { AuditEntryRepository } from '../audit/audit-entry';
import { auditRoutes } from '../audit/audit.routes';
import type { AuditTrail } from '../audit/audit-trail';
import type { NikKeyring } from '../domain/nik';
import type { MemberPrivacyRepository, PeopleEraser, PeopleReader } from './ports';
import { nikRoutes, personalDataRoutes } from './privacy.routes';

/** What the audit trail and the personal-data routes need (main.ts wires the mongo side). */
export interface PdpDeps {
  entries: AuditEntryRepository;
  audit: AuditTrail;
  members: MemberPrivacyRepository;
  nikKeyring: NikKeyring;
  logger: Logger;
  onEventsWritten: (aggregate: 'member', id: string) => void;
  /**
   * The account side, on the `people` collection (the accounts code provides both). /me/export and
   * /me/erasure are mounted only with them: an export without the account would be incomplete.
   */
  people?: { reader: PeopleReader; eraser: PeopleEraser };
  clock?: () => Date;
}

/** Mounts GET /cooperatives/{id}/audit, the pengurus' NIK view, and (with people) /me/export and /me/erasure. */
export function mountPdpRoutes(app: ReturnType<typeof createServiceApp>, deps: PdpDeps): void {
  const reader = deps.people?.reader;
  const actorNames = reader
    ? async (ids: string[]) =>
        new Map(
          (await Promise.all(ids.map(async (id) => [id, (await reader.findById(id))?.name] as const))).filter(
            (pair): pair is readonly [string, string] => typeof pair[1] === 'string',
          ),
        )
    : undefined;
  app.route('/', auditRoutes({ entries: deps.entries, actorNames }));
  app.route('/', nikRoutes(deps));
  if (deps.people)
    app.route(
      '/',
      personalDataRoutes({ ...deps, people: deps.people.reader, peopleEraser: deps.people.eraser }),
    );
}
