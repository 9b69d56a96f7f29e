import { DomainError } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import {
  canCancel,
  cancelTransition,
  issuesPickupCode,
  ORDER_STATUSES,
  type OrderCommand,
  type OrderStatus,
  transition,
} from './order';

const due = new Date('2026-11-23T10:30:00Z');
const afterDue = new Date('2026-11-23T10:31:00Z');
const order = (
  status: OrderStatus,
  paymentMethod: 'cash' | 'qris' = 'cash',
  method: 'pickup' | 'delivery' = 'pickup',
) => ({
  status,
  paymentMethod,
  expiresAt: due,
  fulfilment: { method },
});

/** Commands that only fit delivery orders are tried on one (the others on a pickup order). */
const methodFor = (command: OrderCommand) => (command === 'sendOut' ? 'delivery' : 'pickup');
const staffCancellable = {
  PLACED: 'CANCELLED',
  AWAITING_PAYMENT: 'CANCELLED',
  CONFIRMED: 'CANCELLED',
  PAID: 'CANCELLED',
  PACKED: 'CANCELLED',
  READY_FOR_PICKUP: 'CANCELLED',
  OUT_FOR_DELIVERY: 'CANCELLED',
} as const;

/** The whole machine: command → (from → to). Every other pair must be refused. */
const ALLOWED: Record<OrderCommand, Partial<Record<OrderStatus, OrderStatus>>> = {
  reserveStock: { PLACED: 'CONFIRMED' }, // for cash; online below
  rejectStock: { PLACED: 'REJECTED' },
  receivePayment: { AWAITING_PAYMENT: 'PAID' },
  failPayment: { AWAITING_PAYMENT: 'CANCELLED' },
  expirePayment: { AWAITING_PAYMENT: 'EXPIRED' },
  cancel: { PLACED: 'CANCELLED', AWAITING_PAYMENT: 'CANCELLED', CONFIRMED: 'CANCELLED', PAID: 'CANCELLED' },
  expire: { PLACED: 'EXPIRED', AWAITING_PAYMENT: 'EXPIRED' },
  pack: { CONFIRMED: 'PACKED', PAID: 'PACKED' },
  markReady: { PACKED: 'READY_FOR_PICKUP' },
  sendOut: { PACKED: 'OUT_FOR_DELIVERY' },
  handOver: { READY_FOR_PICKUP: 'COMPLETED' },
  deliver: { OUT_FOR_DELIVERY: 'COMPLETED' },
  staffCancel: staffCancellable,
};

describe('order state machine', () => {
  for (const [command, allowed] of Object.entries(ALLOWED) as [
    OrderCommand,
    Partial<Record<OrderStatus, OrderStatus>>,
  ][]) {
    for (const status of ORDER_STATUSES) {
      const to = allowed[status];
      if (to) {
        it(`${command}: ${status} → ${to}`, () => {
          expect(transition(order(status, 'cash', methodFor(command)), command, afterDue).to).toBe(to);
        });
      } else {
        it(`${command}: refused from ${status}`, () => {
          expect(() => transition(order(status, 'cash', methodFor(command)), command, afterDue)).toThrowError(
            expect.objectContaining({ code: 'ORDER.INVALID_TRANSITION', status: 409 }),
          );
        });
      }
    }
  }

  it('marks only pickup orders ready and sends only delivery orders out', () => {
    expect(() => transition(order('PACKED', 'cash', 'delivery'), 'markReady')).toThrowError(
      expect.objectContaining({ code: 'ORDER.INVALID_TRANSITION', status: 409 }),
    );
    expect(() => transition(order('PACKED', 'cash', 'pickup'), 'sendOut')).toThrowError(
      expect.objectContaining({ code: 'ORDER.INVALID_TRANSITION', status: 409 }),
    );
  });

  it('sends an online payment to AWAITING_PAYMENT when stock is held', () => {
    expect(transition(order('PLACED', 'qris'), 'reserveStock').to).toBe('AWAITING_PAYMENT');
  });

  it('guards each write with the states the transition is valid from', () => {
    expect(transition(order('PAID'), 'cancel').from).toEqual([
      'PLACED',
      'AWAITING_PAYMENT',
      'CONFIRMED',
      'PAID',
    ]);
  });

  it('refuses to expire an order before its expiry time', () => {
    expect(() => transition(order('PLACED'), 'expire', new Date('2026-11-23T10:29:59Z'))).toThrow(
      DomainError,
    );
    expect(transition(order('PLACED'), 'expire', due).to).toBe('EXPIRED');
  });

  it("expires an order when the provider's transaction expired, even before the order's own time", () => {
    const early = new Date('2026-11-23T10:00:00Z');
    expect(transition(order('AWAITING_PAYMENT', 'qris'), 'expirePayment', early).to).toBe('EXPIRED');
  });
});

describe('shopper cancel', () => {
  it.each(['PLACED', 'AWAITING_PAYMENT', 'CONFIRMED', 'PAID'] as const)('is allowed from %s', (status) => {
    expect(canCancel(status)).toBe(true);
    expect(cancelTransition(order(status)).to).toBe('CANCELLED');
  });

  it.each([
    'PACKED',
    'READY_FOR_PICKUP',
    'OUT_FOR_DELIVERY',
    'COMPLETED',
    'REJECTED',
    'CANCELLED',
    'EXPIRED',
  ] as const)('is refused with ORDER.CANNOT_CANCEL from %s', (status) => {
    expect(canCancel(status)).toBe(false);
    expect(() => cancelTransition(order(status))).toThrowError(
      expect.objectContaining({ code: 'ORDER.CANNOT_CANCEL', status: 409 }),
    );
  });
});

describe('pickup code', () => {
  it('issues the pickup code on CONFIRMED and PAID only', () => {
    expect(ORDER_STATUSES.filter(issuesPickupCode)).toEqual(['CONFIRMED', 'PAID']);
  });
});
