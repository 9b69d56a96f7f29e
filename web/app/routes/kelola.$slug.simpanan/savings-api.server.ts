import { answerSchema, type RequestBody } from '~/utils/contract.server';
import { callService } from '~/utils/http.server';

/**
 * Membership's savings (simpanan) API, called with the person's membership token: the bendahara's
 * and kasir's counter (deposits, withdrawals), the staff's reads, a member's own savings, the rules.
 * Shared by the staff page (/kelola/:slug/simpanan) and the member page (/akun/simpanan).
 */
const coop = (cooperativeId: string) => `/cooperatives/${encodeURIComponent(cooperativeId)}`;
const member = (cooperativeId: string, memberId: string) =>
  `${coop(cooperativeId)}/members/${encodeURIComponent(memberId)}/savings`;

export type DepositInput = RequestBody<
  'membership',
  '/cooperatives/{cooperativeId}/members/{memberId}/savings/deposits',
  'post'
>;
export type WithdrawalInput = RequestBody<
  'membership',
  '/cooperatives/{cooperativeId}/members/{memberId}/savings/withdrawals',
  'post'
>;
export type SettingsInput = RequestBody<
  'membership',
  '/cooperatives/{cooperativeId}/savings-settings',
  'put'
>;

export function getSettings(token: string, cooperativeId: string) {
  return callService('membership', `${coop(cooperativeId)}/savings-settings`, {
    token,
    schema: answerSchema('membership', 'get', '/cooperatives/{cooperativeId}/savings-settings'),
  });
}

export function putSettings(token: string, cooperativeId: string, body: SettingsInput) {
  return callService('membership', `${coop(cooperativeId)}/savings-settings`, {
    method: 'PUT',
    token,
    body,
    schema: answerSchema('membership', 'put', '/cooperatives/{cooperativeId}/savings-settings'),
  });
}

export function listArrears(token: string, cooperativeId: string, offset: number, limit = 20) {
  return callService('membership', `${coop(cooperativeId)}/savings/arrears`, {
    token,
    query: { offset, limit },
    schema: answerSchema('membership', 'get', '/cooperatives/{cooperativeId}/savings/arrears'),
  });
}

export function findMembers(token: string, cooperativeId: string, q: string, limit = 20) {
  return callService('membership', `${coop(cooperativeId)}/savings/members`, {
    token,
    query: { q, limit },
    schema: answerSchema('membership', 'get', '/cooperatives/{cooperativeId}/savings/members'),
  });
}

export function memberSavings(token: string, cooperativeId: string, memberId: string, before?: number) {
  return callService('membership', member(cooperativeId, memberId), {
    token,
    query: { limit: 20, before },
    schema: answerSchema('membership', 'get', '/cooperatives/{cooperativeId}/members/{memberId}/savings'),
  });
}

export function mySavings(token: string, cooperativeId: string, before?: number) {
  return callService('membership', `${coop(cooperativeId)}/my-savings`, {
    token,
    query: { limit: 20, before },
    schema: answerSchema('membership', 'get', '/cooperatives/{cooperativeId}/my-savings'),
  });
}

/** 201 recorded, 200 the same receipt and content again (the movement recorded the first time). */
export function recordDeposit(token: string, cooperativeId: string, memberId: string, body: DepositInput) {
  return callService('membership', `${member(cooperativeId, memberId)}/deposits`, {
    method: 'POST',
    token,
    body,
    schema: answerSchema(
      'membership',
      'post',
      '/cooperatives/{cooperativeId}/members/{memberId}/savings/deposits',
    ),
  });
}

/** Never below zero: 409 SAVINGS.INSUFFICIENT names the balance. */
export function recordWithdrawal(
  token: string,
  cooperativeId: string,
  memberId: string,
  body: WithdrawalInput,
) {
  return callService('membership', `${member(cooperativeId, memberId)}/withdrawals`, {
    method: 'POST',
    token,
    body,
    schema: answerSchema(
      'membership',
      'post',
      '/cooperatives/{cooperativeId}/members/{memberId}/savings/withdrawals',
    ),
  });
}
