import { MemberAccountLinked, newEvent } from '@pasar/contracts';
import { memberLinkedElsewhere, memberNotFound } from '../domain/errors';
import type { Member } from '../domain/member';
import { EVENT_SOURCE, type MembershipDeps } from './ports';

/**
 * The registry record a person's account is to be linked to: it must be of this cooperative (another
 * cooperative's id answers as unknown) and not already another person's. Checked before the account
 * is written, so a refused invitation changes nothing.
 */
export async function memberToLink(
  deps: Pick<MembershipDeps, 'members'>,
  cooperativeId: string,
  memberId: string,
  personId: string | null,
): Promise<Member> {
  const member = await deps.members.findById(memberId);
  if (!member || member.cooperativeId !== cooperativeId) throw memberNotFound('memberId');
  if (member.personId && member.personId !== personId) throw memberLinkedElsewhere(memberId);
  return member;
}

/**
 * Links the record to the account, with MemberAccountLinked in the same write (the ledger maps the
 * account's purchases to the member from it). False when it was linked already (nothing published).
 */
export async function linkMemberAccount(
  deps: Pick<MembershipDeps, 'members' | 'onEventsWritten' | 'clock'>,
  member: Pick<Member, 'memberId' | 'cooperativeId'>,
  personId: string,
): Promise<boolean> {
  const event = newEvent(
    MemberAccountLinked,
    member.memberId,
    { memberId: member.memberId, cooperativeId: member.cooperativeId, personId },
    { source: EVENT_SOURCE, cooperativeId: member.cooperativeId },
  );
  const linked = await deps.members.linkPerson(member.memberId, personId, [event]);
  if (linked) deps.onEventsWritten('member', member.memberId);
  return linked;
}
