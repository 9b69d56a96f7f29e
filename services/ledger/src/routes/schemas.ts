import { z } from '@hono/zod-openapi';
import { CooperativeIdSchema, RupiahSchema } from '@pasar/contracts';
import { ACCOUNT_CLASSES } from '../domain/accounts';
import { MANUAL_STATUSES } from '../use-cases/ports';

export const PeriodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
  .openapi({ example: '2026-01' });
export const YearSchema = z.coerce.number().int().min(2000).max(2100);
export const AccountCodeSchema = z
  .string()
  .regex(/^\d-\d{4}$/, 'must be an account code such as 1-1100')
  .openapi({ example: '1-1100' });
export const EntryIdSchema = z
  .string()
  .regex(/^je_[A-Za-z0-9_.:-]{1,120}$/, 'must be a journal entry id (je_…)')
  .openapi({ example: 'je_3f0e2b1c-7a4d-4e2f-9b1a-0c2d3e4f5a6b' });
export const ManualEntryIdSchema = z
  .string()
  .regex(/^me_[0-9A-Za-z]{10,40}$/, 'must be a manual entry id (me_…)')
  .openapi({ example: 'me_0123456789abcdefghijkl' });

export const CooperativeParam = z.object({ cooperativeId: CooperativeIdSchema });

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const LineSchema = z.object({
  account: AccountCodeSchema,
  debit: RupiahSchema,
  credit: RupiahSchema,
});

export const AccountSchema = z
  .object({ code: z.string(), name: z.string(), nameEn: z.string(), class: z.enum(ACCOUNT_CLASSES) })
  .openapi('Account');

export const JournalEntrySchema = z
  .object({
    entryId: z.string(),
    cooperativeId: z.string(),
    period: z.string(),
    occurredAt: z.string(),
    sourceId: z.string(),
    kind: z.string(),
    memo: z.string(),
    lines: z.array(LineSchema),
    reverses: z.string().nullable(),
    lateFor: z.string().nullable(),
    postedAt: z.string(),
    proposedBy: z.string().nullable(),
    approvedBy: z.string().nullable(),
  })
  .openapi('JournalEntry');

export const ManualEntrySchema = z
  .object({
    id: z.string(),
    cooperativeId: z.string(),
    memo: z.string(),
    occurredAt: z.string(),
    lines: z.array(LineSchema),
    status: z.enum(MANUAL_STATUSES),
    proposedBy: z.string(),
    proposedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    rejectReason: z.string().nullable(),
    entryId: z.string().nullable(),
  })
  .openapi('ManualEntry');

export const PeriodRecordSchema = z
  .object({
    cooperativeId: z.string(),
    period: z.string(),
    status: z.enum(['open', 'closed']),
    admitted: z.number().int(),
    closedBy: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .openapi('LedgerPeriod');
