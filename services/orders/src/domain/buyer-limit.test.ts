import { DomainError } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { buyerLimitExceeded, counterIdOf, limitWindow, wibDateText } from './buyer-limit';

/** An instant given as WIB wall-clock time. */
const wib = (iso: string) => new Date(`${iso}+07:00`);

describe('limitWindow (Asia/Jakarta)', () => {
  it('starts a week on Monday 00:00 WIB and ends at the next Monday', () => {
    const w = limitWindow('week', wib('2026-12-02T10:00:00')); // a Wednesday
    expect(w.start).toEqual(wib('2026-11-30T00:00:00'));
    expect(w.resetsAt).toEqual(wib('2026-12-07T00:00:00'));
  });

  it('puts Sunday 23:59 WIB in the old week and Monday 00:00 WIB in the new one', () => {
    expect(limitWindow('week', wib('2026-12-06T23:59:59')).start).toEqual(wib('2026-11-30T00:00:00'));
    expect(limitWindow('week', wib('2026-12-07T00:00:00')).start).toEqual(wib('2026-12-07T00:00:00'));
  });

  it('counts in WIB, not UTC: Monday 03:00 WIB is still Sunday in UTC but already the new week', () => {
    const mondayEarly = wib('2026-12-07T03:00:00');
    expect(mondayEarly.getUTCDay()).toBe(0);
    expect(limitWindow('week', mondayEarly).start).toEqual(wib('2026-12-07T00:00:00'));
  });

  it('spans a week across a month and a year end', () => {
    const w = limitWindow('week', wib('2027-01-01T12:00:00')); // a Friday
    expect(w.start).toEqual(wib('2026-12-28T00:00:00'));
    expect(w.resetsAt).toEqual(wib('2027-01-04T00:00:00'));
  });

  it('has days from 00:00 WIB to 00:00 WIB', () => {
    const w = limitWindow('day', wib('2026-12-02T23:30:00'));
    expect(w).toEqual({ start: wib('2026-12-02T00:00:00'), resetsAt: wib('2026-12-03T00:00:00') });
    expect(limitWindow('day', wib('2026-12-03T00:00:00')).start).toEqual(wib('2026-12-03T00:00:00'));
  });

  it('has calendar months, February and December included', () => {
    expect(limitWindow('month', wib('2028-02-29T08:00:00'))).toEqual({
      start: wib('2028-02-01T00:00:00'),
      resetsAt: wib('2028-03-01T00:00:00'),
    });
    expect(limitWindow('month', wib('2026-12-31T23:59:59')).resetsAt).toEqual(wib('2027-01-01T00:00:00'));
  });
});

describe('counterIdOf', () => {
  it('is the same for two instants of one window and differs between windows and buyers', () => {
    const a = counterIdOf('kb', 'p1', 'h1', limitWindow('week', wib('2026-12-01T08:00:00')));
    expect(counterIdOf('kb', 'p1', 'h1', limitWindow('week', wib('2026-12-06T20:00:00')))).toBe(a);
    expect(counterIdOf('kb', 'p1', 'h1', limitWindow('week', wib('2026-12-07T08:00:00')))).not.toBe(a);
    expect(counterIdOf('kb', 'p1', 'h2', limitWindow('week', wib('2026-12-01T08:00:00')))).not.toBe(a);
  });
});

describe('buyerLimitExceeded', () => {
  it('names the product, the limit and the day it resets, with the details', () => {
    const err = buyerLimitExceeded({
      productId: 'p1',
      productName: 'LPG 3 kg',
      unit: 'tabung',
      limit: { quantity: 2, period: 'week' },
      window: limitWindow('week', wib('2026-12-02T10:00:00')),
      alreadyBought: 2,
    });
    expect(err).toBeInstanceOf(DomainError);
    expect(err.status).toBe(409);
    expect(err.code).toBe('ORDER.BUYER_LIMIT');
    expect(err.message).toBe(
      'LPG 3 kg: batas 2 tabung per minggu per NIK; bisa lagi mulai Senin 7 Desember 2026',
    );
    expect(err.details).toEqual({
      productId: 'p1',
      limit: 2,
      period: 'week',
      resetsAt: '2026-12-06T17:00:00.000Z',
      alreadyBought: 2,
    });
  });

  it('words days and months too', () => {
    const base = { productId: 'p', productName: 'Urea', unit: 'sak', alreadyBought: 1 };
    const at = wib('2026-12-31T10:00:00');
    expect(
      buyerLimitExceeded({ ...base, limit: { quantity: 1, period: 'day' }, window: limitWindow('day', at) })
        .message,
    ).toBe('Urea: batas 1 sak per hari per NIK; bisa lagi mulai Jumat 1 Januari 2027');
    expect(
      buyerLimitExceeded({
        ...base,
        limit: { quantity: 4, period: 'month' },
        window: limitWindow('month', at),
      }).message,
    ).toBe('Urea: batas 4 sak per bulan per NIK; bisa lagi mulai Jumat 1 Januari 2027');
  });

  it('shows the WIB date even when UTC is still the day before', () => {
    expect(wibDateText(wib('2026-12-07T00:00:00'))).toBe('Senin 7 Desember 2026');
  });
});
