import { CooperativeIdSchema } from '@pasar/contracts';
import { z } from 'zod';
import type { AuditPosition } from './audit-entry';

export const AuditParams = z.object({ cooperativeId: CooperativeIdSchema });

/**
 * The cursor is the last entry's position, `<at in epoch milliseconds>.<id>`
 * (`1767340800000.3f1c…`). The pattern is the whole rule and the document carries it: every string
 * that matches is a position, and the next page is "the entries older than it", so a cursor that
 * fits is never refused (15 digits stay within the dates JavaScript can hold).
 */
export const AUDIT_CURSOR_PATTERN = /^[0-9]{1,15}\.[0-9A-Za-z_-]{1,64}$/;

export const encodeAuditCursor = (p: AuditPosition) => `${p.at.getTime()}.${p.id}`;

/** Only for strings that match AUDIT_CURSOR_PATTERN (the schema checks). */
export function decodeAuditCursor(s: string): AuditPosition {
  const dot = s.indexOf('.');
  return { at: new Date(Number(s.slice(0, dot))), id: s.slice(dot + 1) };
}

export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(80)
    .regex(AUDIT_CURSOR_PATTERN, 'is not a cursor this API returned')
    .transform(decodeAuditCursor)
    .optional(),
  action: z
    .string()
    .regex(/^[a-z]+\.[a-z-]+\.[a-z-]+$/, 'must be an action such as catalog.product.restocked')
    .optional(),
});

export const AuditEntryViewSchema = z.object({
  id: z.string(),
  cooperativeId: z.string(),
  actorId: z.string(),
  /** The actor's current display name (a pseudonym after erasure); null for jobs and unknown ids. */
  actorName: z.string().nullable(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  before: z.record(z.string(), z.unknown()).optional(),
  after: z.record(z.string(), z.unknown()).optional(),
  at: z.string(),
  source: z.string(),
  recordedAt: z.string(),
});

export const AuditPageSchema = z.object({
  items: z.array(AuditEntryViewSchema),
  nextCursor: z.string().nullable(),
});
