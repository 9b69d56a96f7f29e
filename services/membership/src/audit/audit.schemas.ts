import { CooperativeIdSchema } from '@pasar/contracts';
import { z } from 'zod';
import type { AuditPosition } from './audit-entry';

export const AuditParams = z.object({ cooperativeId: CooperativeIdSchema });

const CursorSchema = z.strictObject({ at: z.iso.datetime(), id: z.string().min(1).max(64) });

/** The cursor is opaque to clients: base64url of the last entry's `{at, id}`. */
export const encodeAuditCursor = (p: AuditPosition) =>
  Buffer.from(JSON.stringify({ at: p.at.toISOString(), id: p.id }), 'utf8').toString('base64url');

function decodeAuditCursor(s: string): AuditPosition | undefined {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
    return parsed.success ? { at: new Date(parsed.data.at), id: parsed.data.id } : undefined;
  } catch {
    return undefined;
  }
}

export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(200)
    .transform((s, ctx) => {
      const position = decodeAuditCursor(s);
      if (!position) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor this API returned' });
        return z.NEVER;
      }
      return position;
    })
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
