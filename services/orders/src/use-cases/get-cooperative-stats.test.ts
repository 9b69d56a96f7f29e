import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../domain/order';
import type { PaymentMethod } from '../domain/types';
import { jakartaDay as jakartaDate, jakartaDayStart } from '../domain/jakarta-time';
import { computeStats } from './get-cooperative-stats';

const order = (
  createdAt: string,
  total: number,
  status: OrderStatus,
  paymentMethod: PaymentMethod = 'cash',
) => ({
  createdAt: new Date(createdAt),
  total,
  status,
  paymentMethod,
});

// 2026-11-23 10:00 UTC = 17:00 WIB.
const now = new Date('2026-11-23T10:00:00.000Z');

describe('Jakarta days', () => {
  it('starts the day at midnight WIB (17:00 UTC the day before)', () => {
    expect(jakartaDayStart(now).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(jakartaDayStart(now, 2).toISOString()).toBe('2026-11-20T17:00:00.000Z');
    expect(jakartaDate(new Date('2026-11-22T16:59:59.999Z'))).toBe('2026-11-22');
    expect(jakartaDate(new Date('2026-11-22T17:00:00.000Z'))).toBe('2026-11-23');
  });
});

describe('computeStats', () => {
  it('counts every order placed and the revenue of the ones that count, per Jakarta day', () => {
    const stats = computeStats(
      [
        order('2026-11-23T01:00:00Z', 10_000, 'CONFIRMED'),
        order('2026-11-23T02:00:00Z', 20_000, 'PAID', 'qris'),
        order('2026-11-23T03:00:00Z', 5_000, 'CANCELLED'),
        order('2026-11-23T04:00:00Z', 7_000, 'AWAITING_PAYMENT', 'qris'),
        order('2026-11-22T18:00:00Z', 1_000, 'COMPLETED'), // 01:00 WIB on the 23rd: today
        order('2026-11-22T16:00:00Z', 3_000, 'PACKED'), // 23:00 WIB on the 22nd
        order('2026-11-21T05:00:00Z', 4_000, 'EXPIRED'),
        order('2026-11-21T05:00:00Z', 9_000, 'REJECTED'),
        order('2026-11-10T05:00:00Z', 99_000, 'COMPLETED'), // outside the 3 days
      ],
      now,
      3,
    );

    expect(stats.today).toEqual({
      orders: 5,
      revenue: 31_000,
      byPaymentMethod: {
        cash: { orders: 3, revenue: 11_000 },
        qris: { orders: 2, revenue: 20_000 },
      },
    });
    expect(stats.days).toEqual([
      { date: '2026-11-21', orders: 2, revenue: 0 },
      { date: '2026-11-22', orders: 1, revenue: 3_000 },
      { date: '2026-11-23', orders: 5, revenue: 31_000 },
    ]);
  });

  it('lists every day of the window, the empty ones as zeros', () => {
    const stats = computeStats([], now, 30);
    expect(stats.days).toHaveLength(30);
    expect(stats.days[0]).toEqual({ date: '2026-10-25', orders: 0, revenue: 0 });
    expect(stats.days.at(-1)).toEqual({ date: '2026-11-23', orders: 0, revenue: 0 });
    expect(stats.today).toEqual({ orders: 0, revenue: 0, byPaymentMethod: {} });
  });
});
