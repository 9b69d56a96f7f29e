import { describe, expect, it } from 'vitest';
import { type ArrearsInput, addMonths, monthsBetween, wajibArrears } from './wajib-arrears';

const wib = (local: string) => new Date(`${local}+07:00`);
const flat = [{ from: '2000-01', amount: 10_000 }];

type Row = [name: string, input: Partial<ArrearsInput>, expected: Partial<ReturnType<typeof wajibArrears>>];

// Simpanan wajib Rp 10.000 a month unless a row says otherwise.
const rows: Row[] = [
  [
    'joined mid-month, joining month due, nothing paid',
    { joinedAt: wib('2026-03-17T10:00:00'), asOf: wib('2026-03-31T12:00:00') },
    { monthsDue: 1, amountDue: 10_000, arrearsAmount: 10_000, monthsInArrears: 1, paidThrough: null },
  ],
  [
    'joined mid-month, first due the month after: nothing due yet in the joining month',
    {
      joinedAt: wib('2026-03-17T10:00:00'),
      asOf: wib('2026-03-31T23:59:00'),
      firstDue: 'month_after_joining',
    },
    { monthsDue: 0, amountDue: 0, arrearsAmount: 0, monthsInArrears: 0 },
  ],
  [
    'joined on the last evening of a month in Jakarta (still that month, though UTC says the day before)',
    { joinedAt: wib('2026-01-31T23:30:00'), asOf: wib('2026-02-01T08:00:00') },
    { monthsDue: 2, amountDue: 20_000, monthsInArrears: 2 },
  ],
  [
    'across a year boundary: Nov 2025 to Feb 2026 is four months',
    { joinedAt: wib('2025-11-05T09:00:00'), asOf: wib('2026-02-10T09:00:00'), payments: [10_000, 10_000] },
    {
      monthsDue: 4,
      amountDue: 40_000,
      paid: 20_000,
      arrearsAmount: 20_000,
      monthsInArrears: 2,
      paidThrough: '2025-12',
    },
  ],
  [
    'a partial payment covers no month but lowers the arrears',
    { joinedAt: wib('2026-01-10T09:00:00'), asOf: wib('2026-03-10T09:00:00'), payments: [25_000] },
    { monthsDue: 3, arrearsAmount: 5_000, monthsInArrears: 1, paidThrough: '2026-02', partial: 5_000 },
  ],
  [
    'several months at once, exactly up to date',
    { joinedAt: wib('2026-01-02T09:00:00'), asOf: wib('2026-06-30T09:00:00'), payments: [60_000] },
    { monthsDue: 6, arrearsAmount: 0, monthsInArrears: 0, monthsInAdvance: 0, paidThrough: '2026-06' },
  ],
  [
    'a year in advance across the new year',
    { joinedAt: wib('2026-11-20T09:00:00'), asOf: wib('2026-12-01T09:00:00'), payments: [120_000] },
    { monthsDue: 2, arrearsAmount: 0, monthsInArrears: 0, monthsInAdvance: 10, paidThrough: '2027-10' },
  ],
  [
    'the rate rises at the RAT: months before and after are charged at their own rate',
    {
      joinedAt: wib('2026-01-15T09:00:00'),
      asOf: wib('2026-05-15T09:00:00'),
      rates: [
        { from: '2000-01', amount: 10_000 },
        { from: '2026-04', amount: 15_000 },
      ],
      payments: [30_000, 15_000],
    },
    {
      monthsDue: 5,
      amountDue: 60_000,
      paid: 45_000,
      arrearsAmount: 15_000,
      monthsInArrears: 1,
      paidThrough: '2026-04',
    },
  ],
  [
    'paid more than due but not a whole month ahead',
    {
      joinedAt: wib('2026-01-15T09:00:00'),
      asOf: wib('2026-02-15T09:00:00'),
      payments: [10_000, 10_000, 4_000],
    },
    {
      monthsDue: 2,
      arrearsAmount: 0,
      monthsInArrears: 0,
      monthsInAdvance: 0,
      partial: 4_000,
      paidThrough: '2026-02',
    },
  ],
];

describe('simpanan wajib arrears', () => {
  it.each(rows)('%s', (_name, input, expected) => {
    const result = wajibArrears({
      rates: flat,
      firstDue: 'joining_month',
      payments: [],
      ...input,
    } as ArrearsInput);
    expect(result).toMatchObject(expected);
  });

  it('counts months across years', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-05', 20)).toBe('2028-01');
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
  });
});
