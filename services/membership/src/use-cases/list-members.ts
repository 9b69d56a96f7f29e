import { cooperativeNotFound } from '../domain/errors';
import { type MemberView, toMemberView } from '../domain/member';
import type { MembershipDeps } from './ports';

export interface MemberPage {
  items: MemberView[];
  /** The last memberId of this page when more may follow. */
  nextAfter: string | null;
}

export async function listMembers(
  deps: MembershipDeps,
  cooperativeId: string,
  opts: { limit: number; after?: string },
): Promise<MemberPage> {
  if (!(await deps.cooperatives.findById(cooperativeId))) throw cooperativeNotFound(cooperativeId);
  const rows = await deps.members.list(cooperativeId, { limit: opts.limit + 1, after: opts.after });
  const page = rows.slice(0, opts.limit);
  return {
    items: page.map(toMemberView),
    nextAfter: rows.length > opts.limit ? (page.at(-1)?.memberId ?? null) : null,
  };
}
