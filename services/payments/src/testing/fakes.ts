import type { CooperativeRole, Envelope } from '@pasar/contracts';
import { createLogger } from '@pasar/events';
import { createTestIssuer } from '@pasar/service-kit/testing';
import { type AppDeps, createApp } from '../app';
import { type Payment, VOIDABLE_STATUSES } from '../domain/payment';
import type { PaymentRepository } from '../use-cases/ports';

/** In-memory payments with the mongo repository's contract (route and use-case tests). */
export class FakePayments implements PaymentRepository {
  readonly rows: Payment[] = [];
  readonly events: Envelope[] = [];
  async insert(p: Payment, events: Envelope[]) {
    if (this.rows.some((r) => r.orderId === p.orderId && r.attempt === p.attempt))
      return 'duplicate' as const;
    this.rows.push(structuredClone(p));
    this.events.push(...events);
    return 'inserted' as const;
  }
  async findLatestByOrder(orderId: string) {
    return this.rows.filter((r) => r.orderId === orderId).sort((a, b) => b.attempt - a.attempt)[0] ?? null;
  }
  async voidOpen(orderId: string, reason: string, at: Date) {
    const open = this.rows.filter((r) => r.orderId === orderId && VOIDABLE_STATUSES.includes(r.status));
    for (const r of open) Object.assign(r, { status: 'VOIDED', voidReason: reason, updatedAt: at });
    return open.length;
  }
}

/** Signs access tokens exactly as membership does; the fake app verifies against its keys. */
export const issuer = await createTestIssuer();

/** `Authorization` for a person holding `roles` in `cooperativeId` (no roles: a signed-in shopper). */
export async function staffHeaders(cooperativeId: string, ...roles: CooperativeRole[]) {
  const personId = `per_${cooperativeId}_${roles.join('_') || 'shopper'}`;
  const grants = roles.length > 0 ? [{ cooperativeId, roles }] : [];
  return { authorization: `Bearer ${await issuer.token({ personId, grants }, { service: 'payments' })}` };
}

export function fakeApp() {
  const payments = new FakePayments();
  const deps: AppDeps = {
    payments,
    logger: createLogger('payments-test', 'silent'),
    onEventsWritten: () => {},
    verifier: issuer.verifier('payments'),
  };
  return { app: createApp(deps), deps, payments };
}

export type Json = any;
export const json = (res: Response): Promise<Json> => res.json() as Promise<Json>;
