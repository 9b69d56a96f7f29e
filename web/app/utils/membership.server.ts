import type { BoardPosition, CooperativeRole } from '@pasar/contracts';
import { z } from 'zod';
import { answerSchema } from './contract.server';
import { callService } from './http.server';
import type {
  AccessTokens,
  CooperativeView,
  Invited,
  PeoplePage,
  PersonInCooperative,
  PersonView,
  ResetCode,
  SignedIn,
} from './views';

const coopPath = (cooperativeId: string) => `/cooperatives/${encodeURIComponent(cooperativeId)}`;
/** 204/202 answers carry no body. */
const NoContent = z.unknown();

export async function listCooperatives(): Promise<CooperativeView[]> {
  const res = await callService('membership', '/cooperatives', {
    schema: answerSchema('membership', 'get', '/cooperatives'),
  });
  return res.items;
}

/** One cooperative; ApiError COOPERATIVE.NOT_FOUND (404) when there is none. */
export function getCooperative(cooperativeId: string): Promise<CooperativeView> {
  return callService('membership', coopPath(cooperativeId), {
    schema: answerSchema('membership', 'get', '/cooperatives/{cooperativeId}'),
  });
}

// ---- authentication (anonymous calls: the session id is the credential) ----

/**
 * Membership throttles sign-in and reset per account and per address; the address is the shopper's
 * (from the production server's trusted view of the request), sent as X-Forwarded-For. Membership believes
 * it only because the web is one of its TRUSTED_PROXIES; without it every shopper would share the web's.
 */
const forwardedFor = (clientAddress: string | undefined): Record<string, string> =>
  clientAddress ? { 'X-Forwarded-For': clientAddress } : {};

/** ApiError AUTH.INVALID_CREDENTIALS (401) or AUTH.THROTTLED (429, details.retryAfterSeconds). */
export function signIn(
  phone: string,
  password: string,
  previousSessionId?: string,
  clientAddress?: string,
): Promise<SignedIn> {
  return callService('membership', '/auth/sign-in', {
    method: 'POST',
    body: { phone, password, ...(previousSessionId ? { previousSessionId } : {}) },
    headers: forwardedFor(clientAddress),
    schema: answerSchema('membership', 'post', '/auth/sign-in'),
  });
}

/** ApiError AUTH.SESSION_EXPIRED (401) once the session is revoked or past its idle/absolute timeout. */
export function exchangeSession(sessionId: string): Promise<AccessTokens> {
  return callService('membership', '/auth/tokens', {
    method: 'POST',
    body: { sessionId },
    schema: answerSchema('membership', 'post', '/auth/tokens'),
  });
}

export async function revokeSession(sessionId: string): Promise<void> {
  await callService('membership', '/auth/sign-out', {
    method: 'POST',
    body: { sessionId },
    schema: NoContent,
  });
}

/** A one-time reset code handed over by a pengurus; revokes the person's sessions. */
export async function resetPassword(
  phone: string,
  code: string,
  newPassword: string,
  clientAddress?: string,
): Promise<void> {
  await callService('membership', '/auth/reset', {
    method: 'POST',
    body: { phone, code, newPassword },
    headers: forwardedFor(clientAddress),
    schema: NoContent,
  });
}

// ---- the signed-in person (membership token) ----

export async function changePassword(token: string, currentPassword: string, newPassword: string) {
  await callService('membership', '/auth/password', {
    method: 'POST',
    body: { currentPassword, newPassword },
    token,
    schema: NoContent,
  });
}

export function getMe(token: string): Promise<PersonView> {
  return callService('membership', '/me', { token, schema: answerSchema('membership', 'get', '/me') });
}

/** The person's personal data as membership exports it (passed through to the download as is). */
export function exportMyData(token: string): Promise<unknown> {
  return callService('membership', '/me/export', { token, schema: z.unknown() });
}

export async function requestErasure(token: string): Promise<void> {
  await callService('membership', '/me/erasure', { method: 'POST', body: {}, token, schema: NoContent });
}

// ---- staff: people and roles of one cooperative, its audit trail ----

export function listPeople(token: string, cooperativeId: string, cursor?: string): Promise<PeoplePage> {
  return callService('membership', `${coopPath(cooperativeId)}/people`, {
    token,
    query: { limit: 50, cursor },
    schema: answerSchema('membership', 'get', '/cooperatives/{cooperativeId}/people'),
  });
}

export interface Invitation {
  name: string;
  phone: string;
  roles: CooperativeRole[];
  position?: BoardPosition;
  /** The registry record the account belongs to (savings, SHU): linked once. */
  memberId?: string;
}

/** Ketua only. Adds roles to an existing person with that phone, else creates one; a one-time reset code. */
export function invitePerson(token: string, cooperativeId: string, invitation: Invitation): Promise<Invited> {
  return callService('membership', `${coopPath(cooperativeId)}/people`, {
    method: 'POST',
    body: invitation,
    token,
    schema: answerSchema('membership', 'post', '/cooperatives/{cooperativeId}/people'),
  });
}

export function setRoles(
  token: string,
  cooperativeId: string,
  personId: string,
  roles: CooperativeRole[],
  position?: BoardPosition,
): Promise<PersonInCooperative> {
  return callService(
    'membership',
    `${coopPath(cooperativeId)}/people/${encodeURIComponent(personId)}/roles`,
    {
      method: 'PUT',
      body: { roles, ...(position ? { position } : {}) },
      token,
      schema: answerSchema('membership', 'put', '/cooperatives/{cooperativeId}/people/{personId}/roles'),
    },
  );
}

export function issueResetCode(token: string, cooperativeId: string, personId: string): Promise<ResetCode> {
  return callService(
    'membership',
    `${coopPath(cooperativeId)}/people/${encodeURIComponent(personId)}/reset-code`,
    {
      method: 'POST',
      body: {},
      token,
      schema: answerSchema(
        'membership',
        'post',
        '/cooperatives/{cooperativeId}/people/{personId}/reset-code',
      ),
    },
  );
}

const AuditPageSchema = answerSchema('membership', 'get', '/cooperatives/{cooperativeId}/audit');
export type AuditEntry = z.infer<typeof AuditPageSchema>['items'][number];

export function listAudit(token: string, cooperativeId: string, cursor?: string) {
  return callService('membership', `${coopPath(cooperativeId)}/audit`, {
    token,
    query: { limit: 50, cursor },
    schema: AuditPageSchema,
  });
}
