import {
  BoardPositionSchema,
  CooperativeGrantSchema,
  CooperativeRoleSchema,
  CooperativeSnapshotSchema,
  PlatformRoleSchema,
} from '@pasar/contracts';
import { z } from '@hono/zod-openapi';

/** Response bodies, for the OpenAPI document (the handlers build them from the domain views). */
export const CooperativeViewSchema = CooperativeSnapshotSchema.extend({
  slug: z.string(),
  description: z.string(),
  openingHours: z.string(),
  phone: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('Cooperative');

export const MemberViewSchema = z
  .object({
    memberId: z.string(),
    cooperativeId: z.string(),
    displayName: z.string(),
    roles: z.array(CooperativeRoleSchema),
    phone: z.string().nullable(),
    nikLast4: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Member');

export const PersonViewSchema = z
  .object({
    personId: z.string(),
    name: z.string(),
    phone: z.string(),
    email: z.string().optional(),
    grants: z.array(CooperativeGrantSchema),
    platform: z.array(PlatformRoleSchema),
  })
  .openapi('Person');

export const StaffPersonViewSchema = z
  .object({
    personId: z.string(),
    name: z.string(),
    phoneMasked: z.string(),
    roles: z.array(CooperativeRoleSchema),
    position: BoardPositionSchema.optional(),
  })
  .openapi('StaffPerson');

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
