import { z } from '@hono/zod-openapi';
import { SHU_POOLS } from '../domain/shu';
import { DISTRIBUTION_TARGETS } from '../domain/shu-run';
import { CooperativeParam } from './schemas';

const Rupiah = z.number().int();
/** Basis points of the SHU: 2500 = 25 %, 250 = 2,5 %. */
const Bps = z
  .number()
  .int('must be whole basis points (1 % = 100)')
  .min(0, 'must not be negative')
  .max(10_000, 'must not exceed 10000 (100 %)');

export const ShuYearParams = CooperativeParam.extend({
  year: z.coerce
    .number({ error: 'must be a year such as 2025' })
    .int('must be a year such as 2025')
    .min(2000, 'must be a year from 2000')
    .max(2100, 'must be a year up to 2100')
    .openapi({ example: 2025, type: 'integer' }),
});

export const AllocationSchema = z
  .object(
    Object.fromEntries(SHU_POOLS.map((p) => [p, Bps])) as Record<(typeof SHU_POOLS)[number], typeof Bps>,
  )
  .openapi('ShuAllocation', {
    description: 'Basis points of the SHU for each pool of the AD/ART; the eight must sum to 10000 (100 %)',
    example: {
      cadangan: 2500,
      jasaModal: 2000,
      jasaUsaha: 3000,
      danaPengurus: 500,
      danaKaryawan: 500,
      danaPendidikan: 500,
      danaSosial: 500,
      danaPembangunanDaerahKerja: 500,
    },
  });

export const AllocationViewSchema = z
  .object({
    cooperativeId: z.string(),
    // A union, not .nullable(): that would make the ShuAllocation component itself nullable.
    allocation: z.union([AllocationSchema, z.null()]),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('ShuAllocationView');

export const PoolsSchema = z
  .object(
    Object.fromEntries(SHU_POOLS.map((p) => [p, Rupiah])) as Record<
      (typeof SHU_POOLS)[number],
      typeof Rupiah
    >,
  )
  .openapi('ShuPools');

const LineSchema = z
  .object({
    memberId: z.string(),
    displayName: z.string(),
    savings: Rupiah,
    transactions: Rupiah,
    jasaModal: Rupiah,
    jasaUsaha: Rupiah,
    total: Rupiah,
  })
  .openapi('ShuMemberLine');

const StatusSchema = z.enum(['draft', 'approved', 'distributed']);
const DistributionSchema = z.object({
  to: z.enum(DISTRIBUTION_TARGETS),
  by: z.string(),
  at: z.string().nullable(),
  entryId: z.string().nullable(),
  total: Rupiah,
});

export const ShuRunSchema = z
  .object({
    shuId: z.string(),
    cooperativeId: z.string(),
    year: z.number().int(),
    status: StatusSchema,
    income: Rupiah,
    expenses: Rupiah,
    shu: Rupiah,
    loss: z.boolean(),
    allocation: AllocationSchema,
    pools: PoolsSchema,
    members: z.array(LineSchema),
    totals: z.object({
      savings: Rupiah,
      transactions: Rupiah,
      jasaModal: Rupiah,
      jasaUsaha: Rupiah,
      members: z.number().int(),
    }),
    unshared: z.object({ jasaModal: Rupiah, jasaUsaha: Rupiah }),
    roundingNote: z.string(),
    computedAt: z.string(),
    computedBy: z.string(),
    ratDate: z.string().nullable(),
    approvedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvalEntryId: z.string().nullable(),
    distribution: DistributionSchema.nullable(),
  })
  .openapi('ShuRun');

export const MyShuSchema = z
  .object({
    shuId: z.string(),
    cooperativeId: z.string(),
    year: z.number().int(),
    status: StatusSchema,
    shu: Rupiah,
    allocation: AllocationSchema,
    pools: PoolsSchema,
    ratDate: z.string().nullable(),
    roundingNote: z.string(),
    member: LineSchema.nullable(),
    distribution: z.object({ to: z.enum(DISTRIBUTION_TARGETS), at: z.string().nullable() }).nullable(),
  })
  .openapi('MyShu');

export const ShuRunListSchema = z
  .object({
    items: z.array(
      z.object({ year: z.number().int(), status: StatusSchema, shu: Rupiah, ratDate: z.string().nullable() }),
    ),
  })
  .openapi('ShuRunList');

export const ApproveBody = z.object({
  ratDate: z.iso.date({ error: 'must be a date YYYY-MM-DD' }).openapi({
    example: '2026-02-21',
    description: 'The RAT meeting date: after the end of the year, not in the future (Asia/Jakarta)',
  }),
});

export const DistributeBody = z.object({
  to: z.enum(DISTRIBUTION_TARGETS, { error: 'must be sukarela, cash or transfer' }).openapi({
    description: "sukarela: credited to each member's simpanan sukarela; cash or transfer: paid out",
  }),
});
