import { z } from 'zod';
import { CooperativeRoleSchema, PlatformRoleSchema } from '../../access/roles';
import { defineEvent } from '../../define-event';
import { CooperativeIdSchema } from '../../primitives';
import { Topics } from '../../topics';

/** A value in an audit diff: plain facts only — never a secret, a password hash or a raw NIK. */
const AuditValueSchema = z.record(z.string(), z.unknown());

/**
 * A staff action changed money, stock, roles or personal data. Written into the changed
 * aggregate's outbox in the same single-document update as the change (so the trail cannot miss
 * one), published on `audit.entry.v1` keyed by cooperative, and kept append-only by membership.
 */
export const AuditRecorded = defineEvent(
  'pasar.audit.entry.recorded',
  Topics.auditEntry.name,
  z.object({
    cooperativeId: CooperativeIdSchema,
    /** Who acted: a person id (or `system`/`operator` for jobs and bootstrap commands). */
    actorId: z.string().min(1),
    actorRoles: z.array(z.union([CooperativeRoleSchema, PlatformRoleSchema])).default([]),
    /** `<service>.<entity>.<verb>`: catalog.product.restocked, membership.role.assigned, … */
    action: z.string().regex(/^[a-z]+\.[a-z-]+\.[a-z-]+$/, 'must be service.entity.verb'),
    target: z.object({ type: z.string().min(1), id: z.string().min(1) }),
    before: AuditValueSchema.optional(),
    after: AuditValueSchema.optional(),
    at: z.iso.datetime(),
  }),
);
