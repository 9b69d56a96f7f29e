import type { Member } from '../../domain/member';
import {
  arrearsOf,
  type Balances,
  balancesOf,
  emptyAccount,
  historyPage,
  type MemberArrears,
  type Movement,
} from '../domain/account';
import { noMemberRecord } from '../domain/errors';
import { memberIn } from './member-facts';
import { nowOf, type SavingsDeps } from './ports';
import { getSavingsSettings } from './savings-settings';

export interface MemberSavings {
  member: Pick<Member, 'memberId' | 'cooperativeId' | 'displayName' | 'createdAt'>;
  balances: Balances;
  pokok: { amount: number; paid: boolean; due: number };
  arrears: MemberArrears;
  history: { items: Movement[]; nextBefore: number | null };
}

export interface HistoryQuery {
  limit: number;
  before?: number;
}

async function savingsOf(deps: SavingsDeps, member: Member, page: HistoryQuery): Promise<MemberSavings> {
  const [settings, account] = await Promise.all([
    getSavingsSettings(deps, member.cooperativeId),
    deps.store.getAccount(member.cooperativeId, member.memberId),
  ]);
  const a = account ?? emptyAccount(member.cooperativeId, member.memberId);
  const balances = balancesOf(a);
  const paid = a.movements.some((m) => m.kind === 'pokok' && m.type === 'deposit');
  return {
    member: {
      memberId: member.memberId,
      cooperativeId: member.cooperativeId,
      displayName: member.displayName,
      createdAt: member.createdAt,
    },
    balances,
    pokok: { amount: settings.pokokAmount, paid, due: paid ? 0 : settings.pokokAmount },
    arrears: arrearsOf(settings, member.createdAt, balances.wajib, nowOf(deps)),
    history: historyPage(a, page),
  };
}

/** A member's balances, history (newest first) and wajib arrears as of now, for staff. */
export async function getMemberSavings(
  deps: SavingsDeps,
  cooperativeId: string,
  memberId: string,
  page: HistoryQuery,
): Promise<MemberSavings> {
  return savingsOf(deps, await memberIn(deps, cooperativeId, memberId), page);
}

/**
 * The signed-in member's own savings: the record is the one linked to their account in this
 * cooperative (no member id in the request, so nobody can name another member's).
 */
export async function getMySavings(
  deps: SavingsDeps,
  cooperativeId: string,
  personId: string,
  page: HistoryQuery,
): Promise<MemberSavings> {
  const member = await deps.members.findByPerson(cooperativeId, personId);
  if (!member) throw noMemberRecord();
  return savingsOf(deps, member, page);
}
