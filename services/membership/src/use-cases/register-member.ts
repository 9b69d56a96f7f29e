import { randomId } from '@pasar/service-kit';
import { MemberRegistered, newEvent } from '@pasar/contracts';
import { badJoiningDate, cooperativeNotFound, memberExists, nikTaken } from '../domain/errors';
import {
  type Member,
  type MemberRole,
  type MemberView,
  memberRegisteredData,
  normaliseRoles,
  toMemberView,
} from '../domain/member';
import { protectNik } from '../domain/nik';
import { EVENT_SOURCE, type MembershipDeps, now } from './ports';

export interface RegisterMemberInput {
  cooperativeId: string;
  displayName: string;
  roles: MemberRole[];
  /** Already normalised (+628…). */
  phone?: string;
  /** Raw 16 digits: hashed and encrypted here, then dropped. */
  nik?: string;
  /** Only seeds pass a fixed id; the HTTP API always gets a fresh random one. */
  memberId?: string;
  /** The account this record belongs to (the demo seed links its accounts). */
  personId?: string;
  /** The joining date from the paper registry (Jakarta date YYYY-MM-DD, checked by the route). */
  joinedOn?: string;
}

/** A person joins a cooperative. The event carries no personal data; the NIK is stored only hashed. */
export async function registerMember(deps: MembershipDeps, input: RegisterMemberInput): Promise<MemberView> {
  if (!(await deps.cooperatives.findById(input.cooperativeId)))
    throw cooperativeNotFound(input.cooperativeId);
  const joined = input.joinedOn ? new Date(`${input.joinedOn}T00:00:00+07:00`) : now(deps);
  if (joined.getTime() > now(deps).getTime()) throw badJoiningDate('future');
  if (input.joinedOn && input.joinedOn < '1945-08-17') throw badJoiningDate('early');
  const member: Member = {
    memberId: input.memberId ?? randomId('mbr'),
    cooperativeId: input.cooperativeId,
    displayName: input.displayName,
    roles: normaliseRoles(input.roles),
    phone: input.phone ?? null,
    nik: input.nik ? protectNik(input.nik, deps.nikSalt, deps.nikKeyring) : null,
    ...(input.personId ? { personId: input.personId } : {}),
    createdAt: joined,
  };
  const event = newEvent(MemberRegistered, member.memberId, memberRegisteredData(member), {
    source: EVENT_SOURCE,
    cooperativeId: member.cooperativeId,
  });
  const result = await deps.members.insert(member, [event]);
  if (result === 'duplicate-id') throw memberExists(member.memberId);
  if (result === 'duplicate-nik') throw nikTaken();
  deps.onEventsWritten('member', member.memberId);
  deps.logger.info({ memberId: member.memberId, cooperativeId: member.cooperativeId }, 'member registered');
  return toMemberView(member);
}
