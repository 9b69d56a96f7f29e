import type { Envelope } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { Payment } from '../domain/payment';

export interface PaymentRepository {
  /** Inserts the attempt with its events in one write; 'duplicate' when orderId+attempt exists. */
  insert(p: Payment, events: Envelope[]): Promise<'inserted' | 'duplicate'>;
  /** The order's latest attempt. */
  findLatestByOrder(orderId: string): Promise<Payment | null>;
  /** Guarded transition: voids the order's attempts that are still voidable; returns how many. */
  voidOpen(orderId: string, reason: string, at: Date): Promise<number>;
}

export interface PaymentsDeps {
  payments: PaymentRepository;
  logger: Logger;
  /** Called after a write that stored events on a payment: the relay publishes them at once. */
  onEventsWritten: (paymentId: string) => void;
  clock?: () => Date;
}

export const EVENT_SOURCE = 'urn:pasar:payments';

export function now(deps: Pick<PaymentsDeps, 'clock'>): Date {
  return deps.clock?.() ?? new Date();
}
