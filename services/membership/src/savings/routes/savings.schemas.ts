import { CooperativeIdSchema, SAVINGS_KINDS, SavingsMethodSchema } from '@pasar/contracts';
import { z } from '@hono/zod-openapi';

const MEMBER_ID_PATTERN = /^mbr_[0-9A-Za-z_]{2,40}$/;
const MAX_AMOUNT = 1_000_000_000_000;

export const CooperativeParam = z.object({ cooperativeId: CooperativeIdSchema });
export const MemberParams = z.object({
  cooperativeId: CooperativeIdSchema,
  memberId: z.string().regex(MEMBER_ID_PATTERN, 'must be a member id such as "mbr_…"'),
});

const Month = z
  .string()
  .regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM (2000–2099)')
  .meta({ example: '2026-01' });

const FIRST_DUE = ['joining_month', 'month_after_joining'] as const;

/** The bylaws' figures. Rates may come in any order; a month named twice is refused (409). */
export const SettingsBody = z.strictObject({
  pokokAmount: z.number().int('must be whole rupiah').min(1_000).max(100_000_000).meta({ example: 100_000 }),
  wajibRates: z
    .array(
      z.strictObject({
        from: Month,
        amount: z.number().int('must be whole rupiah').min(1_000).max(10_000_000).meta({ example: 10_000 }),
      }),
    )
    .min(1)
    .max(24)
    .meta({ description: 'Simpanan wajib per month from a month on; months before the first owe nothing' }),
  firstDue: z.enum(FIRST_DUE).meta({ description: 'Whether the month of joining is already due' }),
});

export const SettingsSchema = z
  .object({
    cooperativeId: z.string(),
    pokokAmount: z.number().int(),
    wajibRates: z.array(z.object({ from: z.string(), amount: z.number().int() })),
    firstDue: z.enum(FIRST_DUE),
    /** The wajib rate of the current month. */
    wajibNow: z.number().int(),
    /** True while the cooperative never set its own (the platform's defaults apply). */
    isDefault: z.boolean(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .openapi('SavingsSettings');

const ReceiptNumber = z
  .string()
  .regex(/^[0-9A-Za-z][0-9A-Za-z./_-]{0,39}$/, 'must be 1–40 letters, digits, . / _ - (no spaces)')
  .meta({
    example: 'BS-2026-0001',
    description: 'The number on the bukti setor / bukti tarik; unique per cooperative',
  });

const counter = {
  amount: z.number().int('must be whole rupiah').min(1).max(MAX_AMOUNT).meta({ example: 10_000 }),
  method: SavingsMethodSchema,
  receiptNumber: ReceiptNumber,
  receivedAt: z.iso.datetime({ offset: true }).optional().meta({
    description:
      "When the money changed hands (the receipt's date); not in the future, not before joining. Default: now",
  }),
};

/** pokok (exactly the bylaws' amount, once), wajib (optionally: exactly the next `months` months), sukarela. */
export const DepositBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pokok'), ...counter }),
  z.strictObject({
    kind: z.literal('wajib'),
    ...counter,
    months: z
      .number()
      .int()
      .min(1)
      .max(120)
      .optional()
      .meta({ description: 'The payment is exactly the next this-many unpaid months' }),
  }),
  z.strictObject({ kind: z.literal('sukarela'), ...counter }),
]);

export const WithdrawalBody = z.strictObject(counter);

export const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** The `nextBefore` of the previous page: movements older than that one. */
  before: z.coerce.number().int().min(1).max(1_000_000_000).optional(),
});

export const ArrearsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const MembersQuery = ArrearsQuery.extend({
  /** Part of the member's name or id (case-insensitive). */
  q: z.string().max(80).optional(),
});

const BalancesSchema = z.object({
  pokok: z.number().int(),
  wajib: z.number().int(),
  sukarela: z.number().int(),
  total: z.number().int(),
});

export const MovementSchema = z
  .object({
    movementId: z.string(),
    seq: z.number().int(),
    type: z.enum(['deposit', 'withdrawal', 'shu_paid_out']),
    kind: z.enum(SAVINGS_KINDS).nullable(),
    amount: z.number().int(),
    method: SavingsMethodSchema.nullable(),
    receiptNumber: z.string().nullable(),
    source: z.enum(['counter', 'shu']),
    receivedAt: z.string(),
    recordedAt: z.string(),
    recordedBy: z.string(),
    covers: z.object({ from: z.string(), to: z.string(), months: z.number().int() }).nullable(),
    shu: z.object({ shuId: z.string(), year: z.number().int() }).nullable(),
    balanceAfter: z.number().int().nullable(),
  })
  .openapi('SavingsMovement');

export const ArrearsSchema = z.object({
  monthsDue: z.number().int(),
  amountDue: z.number().int(),
  paid: z.number().int(),
  arrearsAmount: z.number().int(),
  monthsInArrears: z.number().int(),
  monthsInAdvance: z.number().int(),
  paidThrough: z.string().nullable(),
  partial: z.number().int(),
  firstDueMonth: z.string(),
  monthlyNow: z.number().int(),
  asOf: z.string(),
});

export const MemberSavingsSchema = z
  .object({
    cooperativeId: z.string(),
    memberId: z.string(),
    displayName: z.string(),
    joinedAt: z.string(),
    balances: BalancesSchema,
    pokok: z.object({ amount: z.number().int(), paid: z.boolean(), due: z.number().int() }),
    arrears: ArrearsSchema,
    history: z.object({ items: z.array(MovementSchema), nextBefore: z.number().int().nullable() }),
  })
  .openapi('MemberSavings');

export const RecordedSchema = z
  .object({
    movement: MovementSchema,
    balances: BalancesSchema,
    /** True when this receipt and content were recorded before (the answer is then 200, not 201). */
    replayed: z.boolean(),
  })
  .openapi('SavingsRecorded');

const SavingsRowSchema = z
  .object({
    memberId: z.string(),
    displayName: z.string(),
    joinedAt: z.string(),
    balances: BalancesSchema,
    monthsDue: z.number().int(),
    monthsInArrears: z.number().int(),
    arrearsAmount: z.number().int(),
    paidThrough: z.string().nullable(),
    pokokDue: z.number().int(),
    owed: z.number().int(),
  })
  .openapi('SavingsRow');

export const MemberSavingsListSchema = z
  .object({
    cooperativeId: z.string(),
    asOf: z.string(),
    items: z.array(SavingsRowSchema),
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    nextOffset: z.number().int().nullable(),
  })
  .openapi('MemberSavingsList');

export const ArrearsListSchema = z
  .object({
    cooperativeId: z.string(),
    asOf: z.string(),
    items: z.array(SavingsRowSchema),
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    nextOffset: z.number().int().nullable(),
    totals: z.object({
      members: z.number().int(),
      inArrears: z.number().int(),
      arrearsAmount: z.number().int(),
      pokokDue: z.number().int(),
      owed: z.number().int(),
    }),
  })
  .openapi('SavingsArrears');
