import { z } from 'zod';
import { callService } from './http.server';
import { HANDOFFS, type Handoff, type RegisteredSeller, type SellerApplication } from './sellers';

/**
 * Membership's seller registry (decision 0015): a member's application to sell, the pengurus's
 * decision, the registry of sellers with suspension. Every call carries the person's membership token.
 */
const coopPath = (cooperativeId: string) => `/cooperatives/${encodeURIComponent(cooperativeId)}`;

const ApplicationSchema: z.ZodType<SellerApplication> = z.object({
  applicationId: z.string().min(1),
  cooperativeId: z.string(),
  memberId: z.string().min(1),
  shopName: z.string(),
  description: z.string(),
  handoff: z.enum(HANDOFFS),
  status: z.enum(['pending', 'approved', 'declined']),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
});
const ApplicationsSchema = z.object({ items: z.array(ApplicationSchema) });

const SellerSchema: z.ZodType<RegisteredSeller> = z.object({
  sellerId: z.string().min(1),
  cooperativeId: z.string(),
  shopName: z.string(),
  description: z.string(),
  handoff: z.enum(HANDOFFS),
  status: z.enum(['active', 'suspended']),
  since: z.string(),
  suspendedAt: z.string().nullable(),
  suspensionReason: z.string().nullable(),
});

export function applyToSell(
  token: string,
  cooperativeId: string,
  application: { shopName: string; description: string; handoff: Handoff },
): Promise<SellerApplication> {
  return callService('membership', `${coopPath(cooperativeId)}/seller-applications`, {
    method: 'POST',
    token,
    body: application,
    schema: ApplicationSchema,
  });
}

/** The signed-in member's own applications, newest first. */
export async function myApplications(token: string, cooperativeId: string): Promise<SellerApplication[]> {
  const res = await callService('membership', `${coopPath(cooperativeId)}/seller-applications/mine`, {
    token,
    schema: ApplicationsSchema,
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
    schema: ApplicationsSchema,
  });
  return res.items;
}

export function decideApplication(
  token: string,
  cooperativeId: string,
  applicationId: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<unknown> {
  const path = `${coopPath(cooperativeId)}/seller-applications/${encodeURIComponent(applicationId)}`;
  return callService('membership', `${path}/${decision.approve ? 'approve' : 'decline'}`, {
    method: 'POST',
    token,
    body: decision.approve ? {} : { reason: decision.reason },
    schema: z.unknown(),
  });
}

export async function listSellers(token: string, cooperativeId: string): Promise<RegisteredSeller[]> {
  const res = await callService('membership', `${coopPath(cooperativeId)}/sellers`, {
    token,
    schema: z.object({ items: z.array(SellerSchema) }),
  });
  return res.items;
}

export function setSellerStanding(
  token: string,
  cooperativeId: string,
  sellerId: string,
  change: { suspend: true; reason: string } | { suspend: false },
): Promise<unknown> {
  const path = `${coopPath(cooperativeId)}/sellers/${encodeURIComponent(sellerId)}`;
  return callService('membership', `${path}/${change.suspend ? 'suspend' : 'reinstate'}`, {
    method: 'POST',
    token,
    body: change.suspend ? { reason: change.reason } : {},
    schema: z.unknown(),
  });
}
