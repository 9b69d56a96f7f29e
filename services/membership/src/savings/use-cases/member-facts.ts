import type { Member } from '../../domain/member';
import type { MemberFacts } from '../domain/account';
import { savingsMemberNotFound } from '../domain/errors';
import type { SavingsDeps } from './ports';

export const factsOf = (m: Member): MemberFacts => ({
  memberId: m.memberId,
  cooperativeId: m.cooperativeId,
  joinedAt: m.createdAt,
  anggota: m.roles.includes('anggota'),
});

/** The member of this cooperative; another cooperative's member answers 404 like a missing one. */
export async function memberIn(deps: SavingsDeps, cooperativeId: string, memberId: string): Promise<Member> {
  const member = await deps.members.findById(memberId);
  if (!member || member.cooperativeId !== cooperativeId) throw savingsMemberNotFound();
  return member;
}

/** Every member record of the cooperative, by id, a page of 500 at a time. */
export async function allMembers(deps: SavingsDeps, cooperativeId: string): Promise<Member[]> {
  const all: Member[] = [];
  const limit = 500;
  for (;;) {
    const page = await deps.members.list(cooperativeId, {
      limit,
      ...(all.length ? { after: all.at(-1)!.memberId } : {}),
    });
    all.push(...page);
    if (page.length < limit) return all;
  }
}
