import { z } from '@hono/zod-openapi';
import { CategorySchema, CooperativeIdSchema, RupiahSchema } from '@pasar/contracts';
import { ENTRY_KINDS, PAYOUT_METHODS } from '../domain/account';

export const CooperativeParam = z.object({ cooperativeId: CooperativeIdSchema });
export const SellerParams = CooperativeParam.extend({
  sellerId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a member id such as "mbr_kb_sri"'),
});

/** The contracts' CommissionBpsSchema, built with the OpenAPI-aware zod so it carries its description. */
const Bps = z
  .number()
  .int('must be whole basis points')
  .min(0)
  .max(10_000)
  .openapi({ description: 'basis points: 1000 = 10 %', example: 1000 });

/** Request bodies stay inline (no named component), so the authorization matrix sees their `required`. */
export const SettingsBodySchema = z.object({
  commissionBps: Bps,
  categoryBps: z
    .partialRecord(CategorySchema, Bps)
    .default({})
    .openapi({
      description: 'rates for some categories instead of commissionBps',
      example: { minuman: 500 },
    }),
});

export const SettingsSchema = z
  .object({
    cooperativeId: z.string(),
    commissionBps: Bps,
    categoryBps: z.partialRecord(CategorySchema, Bps),
    /** True while the cooperative never set its rates (10 % applies). */
    isDefault: z.boolean(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .openapi('ConsignmentSettings');

const TotalsSchema = z.object({
  sales: RupiahSchema,
  commission: RupiahSchema,
  refunds: RupiahSchema,
  commissionReversed: RupiahSchema,
  payouts: RupiahSchema,
});

const money = {
  balance: RupiahSchema.describe('sales − commission − refunds (net of reversal) − payouts'),
  availableForPayout: RupiahSchema.describe('balance − pending: what the bendahara may pay out'),
  pending: RupiahSchema.describe('net of paid orders not handed over yet'),
  lastPayoutAt: z.iso.datetime().nullable(),
};

export const SellerConsignmentSchema = z
  .object({
    cooperativeId: z.string(),
    sellerId: z.string(),
    shopName: z.string(),
    status: z.enum(['active', 'suspended']),
    ...money,
    totals: TotalsSchema,
    anomalies: z.array(
      z.object({
        kind: z.literal('refund_after_handover'),
        orderId: z.string(),
        notaNumber: z.string().nullable(),
        amount: z.number().int(),
        at: z.iso.datetime(),
      }),
    ),
  })
  .openapi('SellerConsignment');

export const ConsignmentOverviewSchema = z
  .object({
    cooperativeId: z.string(),
    items: z.array(
      z.object({
        sellerId: z.string(),
        shopName: z.string(),
        status: z.enum(['active', 'suspended']),
        ...money,
        anomalies: z.number().int().nonnegative(),
      }),
    ),
    totals: z.object({ balance: RupiahSchema, availableForPayout: RupiahSchema, pending: RupiahSchema }),
  })
  .openapi('ConsignmentOverview');

export const StatementQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month (YYYY-MM)')
    .openapi({ example: '2026-11' }),
  format: z.enum(['json', 'csv', 'pdf']).default('json'),
});

export const StatementSchema = z
  .object({
    cooperativeId: z.string(),
    sellerId: z.string(),
    shopName: z.string(),
    month: z.string(),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    openingBalance: z.number().int(),
    closingBalance: z.number().int(),
    totals: TotalsSchema,
    lines: z.array(
      z.object({
        date: z.string().openapi({ description: 'YYYY-MM-DD in Asia/Jakarta' }),
        at: z.iso.datetime(),
        kind: z.enum(ENTRY_KINDS),
        orderId: z.string().nullable(),
        notaNumber: z.string().nullable(),
        productId: z.string().nullable(),
        product: z.string().nullable(),
        quantity: z.number().int().nullable(),
        receiptNumber: z.string().nullable(),
        amount: z.number().int().openapi({ description: 'signed effect on the balance' }),
        balance: z.number().int(),
      }),
    ),
  })
  .openapi('ConsignmentStatement');

const day = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
export const SalesQuery = z.object({
  from: day.openapi({ example: '2026-11-01' }),
  to: day.openapi({ example: '2026-11-30' }),
});

const ProductSalesSchema = z.object({
  productId: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  amount: RupiahSchema,
  notaNumbers: z.array(z.string()),
});
export const SalesReportSchema = z
  .object({
    cooperativeId: z.string(),
    sellerId: z.string(),
    from: z.string(),
    to: z.string(),
    quantity: z.number().int(),
    amount: RupiahSchema,
    products: z.array(ProductSalesSchema),
    days: z.array(
      z.object({
        date: z.string(),
        quantity: z.number().int(),
        amount: RupiahSchema,
        products: z.array(ProductSalesSchema),
      }),
    ),
  })
  .openapi('SellerSales');

export const PayoutBodySchema = z.object({
  amount: z.number().int('must be whole rupiah').positive('must be more than zero').max(1_000_000_000_000),
  method: z.enum(PAYOUT_METHODS),
  note: z.string().trim().max(500).default(''),
  receiptNumber: z.string().trim().min(1, 'is required (the number on the receipt)').max(60),
});

export const PayoutHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8, 'must be at least 8 characters')
    .max(200)
    .optional()
    .openapi({ description: 'the same key again replays the payout instead of paying twice' }),
});

export const PayoutResultSchema = z
  .object({
    payout: z.object({
      payoutId: z.string(),
      amount: RupiahSchema,
      method: z.enum(PAYOUT_METHODS),
      receiptNumber: z.string(),
      note: z.string(),
      recordedBy: z.string(),
      recordedAt: z.iso.datetime(),
    }),
    consignment: SellerConsignmentSchema,
  })
  .openapi('ConsignmentPayout');
