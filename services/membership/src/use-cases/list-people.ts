import { cooperativeNotFound } from '../domain/errors';
import type { AccountsDeps } from './ports';
import { type StaffPersonView, toStaffPersonView } from './people-view';

export async function listPeople(
  deps: AccountsDeps,
  cooperativeId: string,
  opts: { limit: number; after?: string },
): Promise<{ items: StaffPersonView[]; nextAfter: string | null }> {
  if (!(await deps.cooperatives.findById(cooperativeId))) throw cooperativeNotFound(cooperativeId);
  const rows = await deps.people.listByCooperative(cooperativeId, {
    limit: opts.limit + 1,
    after: opts.after,
  });
  const page = rows.slice(0, opts.limit);
  return {
    items: page.map((p) => toStaffPersonView(p, cooperativeId)),
    nextAfter: rows.length > opts.limit ? (page.at(-1)?.personId ?? null) : null,
  };
}
