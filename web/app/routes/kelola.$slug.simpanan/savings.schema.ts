import { z } from 'zod';
import { RupiahField } from '~/schemas/seller.schema';

/**
 * The forms of the savings pages. Field names = input names; messages are catalogue keys; one schema
 * per form, shared by the page and its action (the service checks everything again).
 */
export const SAVINGS_KINDS = ['pokok', 'wajib', 'sukarela'] as const;
export const SAVINGS_METHODS = ['cash', 'transfer'] as const;
export const FIRST_DUE = ['joining_month', 'month_after_joining'] as const;
/** Rate rows the settings form shows (the service takes up to 24). */
export const RATE_ROWS = 4;

const MEMBER_ID = /^mbr_[0-9A-Za-z_]{2,40}$/;
const RECEIPT = /^[0-9A-Za-z][0-9A-Za-z./_-]{0,39}$/;

const Amount = RupiahField.refine((n) => n >= 1, 'errors.price');
/** The bylaws' figures: at least Rp 1.000 (membership's rule). */
const BylawsAmount = RupiahField.refine((n) => n >= 1_000, 'savings.errors.min1000');
const empty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const counter = {
  memberId: z.string({ error: 'errors.invalidForm' }).regex(MEMBER_ID, 'errors.invalidForm'),
  amount: Amount,
  method: z.enum(SAVINGS_METHODS, { error: 'savings.errors.method' }),
  receiptNumber: z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .regex(RECEIPT, 'savings.errors.receipt'),
  /** The receipt's date (WIB calendar day); empty: received today. */
  receivedOn: z.preprocess(
    empty,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'savings.errors.date')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'savings.errors.date')
      .optional(),
  ),
};

export const DepositFormSchema = z
  .object({
    intent: z.literal('deposit'),
    kind: z.enum(SAVINGS_KINDS, { error: 'savings.errors.kind' }),
    months: z.preprocess(
      empty,
      z.coerce
        .number({ error: 'savings.errors.months' })
        .int('savings.errors.months')
        .min(1, 'savings.errors.months')
        .max(120, 'savings.errors.months')
        .optional(),
    ),
    ...counter,
  })
  .refine((d) => d.kind === 'wajib' || d.months === undefined, {
    path: ['months'],
    message: 'savings.errors.monthsOnlyWajib',
  });

export const WithdrawalFormSchema = z.object({ intent: z.literal('withdrawal'), ...counter });

const Month = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'savings.errors.month');

/** The bylaws' figures; rate rows are `rateFrom-N` / `rateAmount-N`, an empty row is skipped. */
export function parseRates(form: FormData): {
  rates: { from: string; amount: number }[];
  errors: Record<string, 'savings.errors.month' | 'savings.errors.min1000' | 'savings.errors.ratesRequired'>;
} {
  const rates: { from: string; amount: number }[] = [];
  const errors: Record<
    string,
    'savings.errors.month' | 'savings.errors.min1000' | 'savings.errors.ratesRequired'
  > = {};
  for (let i = 0; i < RATE_ROWS; i++) {
    const from = String(form.get(`rateFrom-${i}`) ?? '').trim();
    const amount = String(form.get(`rateAmount-${i}`) ?? '').trim();
    if (from === '' && amount === '') continue;
    const f = Month.safeParse(from);
    const a = BylawsAmount.safeParse(amount);
    if (!f.success) errors[`rateFrom-${i}`] = 'savings.errors.month';
    if (!a.success) errors[`rateAmount-${i}`] = 'savings.errors.min1000';
    if (f.success && a.success) rates.push({ from: f.data, amount: a.data });
  }
  if (rates.length === 0 && Object.keys(errors).length === 0)
    errors['rateFrom-0'] = 'savings.errors.ratesRequired';
  return { rates, errors };
}

export const SettingsFormSchema = z.object({
  intent: z.literal('settings'),
  pokokAmount: BylawsAmount,
  firstDue: z.enum(FIRST_DUE, { error: 'errors.invalidForm' }),
});

/**
 * A receipt's WIB calendar day as the instant sent to the service: today (or no date) is "now"
 * (undefined); an earlier day is its last minute, so the member had joined by then on the day they
 * joined. A later day stays in the future: the schema's caller refuses it.
 */
export function receivedAtOf(day: string | undefined, today: string): string | undefined | 'future' {
  if (!day || day === today) return undefined;
  if (day > today) return 'future';
  return new Date(`${day}T23:59:00+07:00`).toISOString();
}
