import { answerSchema } from './contract.server';
import { callService } from './http.server';
import type { Handoff, RegisteredSeller, SellerApplication } from './views';

/**
 * Membership's seller registry (decision 0015): a member's application to sell, the pengurus's
 * decision, the registry of sellers with suspension. Every call carries the person's membership
 * token; answers are checked against membership's own document.
 */
const coopPath = (cooperativeId: string) => `/cooperatives/${encodeURIComponent(cooperativeId)}`;

export function applyToSell(
  token: string,
  cooperativeId: string,
  application: { shopName: string; description: string; handoff: Handoff },
): Promise<SellerApplication> {
  return callService('membership', `${coopPath(cooperativeId)}/seller-applications`, {
    method: 'POST',
    token,
    body: application,
    schema: answerSchema('membership', 'post', '/cooperatives/{cooperativeId}/seller-applications'),
  });
}

/** The signed-in member's own applications, newest first. */
export async function myApplications(token: string, cooperativeId: string): Promise<SellerApplication[]> {
  const res = await callService('membership', `${coopPath(cooperativeId)}/seller-applications/mine`, {
    token,
    schema: answerSchema('membership', 'get', '/cooperatives/{cooperativeId}/seller-applications/mine'),
  });
  return res.items;
}

/** The pengurus's queue of applications (`status` to filter). */
export async function listApplications(
  token: string,
  cooperativeId: string,
  status?: SellerApplication['status'],
): Promise<SellerApplication[]> {
  const res = await callService('membership', `${coopPath(cooperativeId)}/seller-applications`, {
    token,
    query: { status },
    schema: answerSchema('membership', 'get', '/cooperatives/{cooperativeId}/seller-applications'),
  });
  return res.items;
}

export function decideApplication(
  token: string,
  cooperativeId: string,
  applicationId: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<SellerApplication> {
  const path = `${coopPath(cooperativeId)}/seller-applications/${encodeURIComponent(applicationId)}`;
  return decision.approve
    ? callService('membership', `${path}/approve`, {
        method: 'POST',
        token,
        schema: answerSchema(
          'membership',
          'post',
          '/cooperatives/{cooperativeId}/seller-applications/{applicationId}/approve',
        ),
      })
    : callService('membership', `${path}/decline`, {
        method: 'POST',
        token,
        body: { reason: decision.reason },
        schema: answerSchema(
          'membership',
          'post',
          '/cooperatives/{cooperativeId}/seller-applications/{applicationId}/decline',
        ),
      });
}

export async function listSellers(token: string, cooperativeId: string): Promise<RegisteredSeller[]> {
  const res = await callService('membership', `${coopPath(cooperativeId)}/sellers`, {
    token,
    schema: answerSchema('membership', 'get', '/cooperatives/{cooperativeId}/sellers'),
  });
  return res.items;
}

export function setSellerStanding(
  token: string,
  cooperativeId: string,
  sellerId: string,
  change: { suspend: true; reason: string } | { suspend: false },
): Promise<RegisteredSeller> {
  const path = `${coopPath(cooperativeId)}/sellers/${encodeURIComponent(sellerId)}`;
  return change.suspend
    ? callService('membership', `${path}/suspend`, {
        method: 'POST',
        token,
        body: { reason: change.reason },
        schema: answerSchema(
          'membership',
          'post',
          '/cooperatives/{cooperativeId}/sellers/{sellerId}/suspend',
        ),
      })
    : callService('membership', `${path}/reinstate`, {
        method: 'POST',
        token,
        schema: answerSchema(
          'membership',
          'post',
          '/cooperatives/{cooperativeId}/sellers/{sellerId}/reinstate',
        ),
      });
}
