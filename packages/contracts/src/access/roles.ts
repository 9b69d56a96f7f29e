import { z } from 'zod';
import { CooperativeIdSchema } from '../primitives';

/**
 * Roles a person holds in one cooperative. pengurus is the board (ketua, sekretaris, bendahara:
 * the board position says which); pengawas reads everything of its cooperative and changes nothing.
 */
export const COOPERATIVE_ROLES = ['anggota', 'penjual', 'pengurus', 'kasir', 'gudang', 'pengawas'] as const;
export const CooperativeRoleSchema = z.enum(COOPERATIVE_ROLES);
export type CooperativeRole = z.infer<typeof CooperativeRoleSchema>;

/** Board positions of a pengurus: only the bendahara records money, only the ketua manages roles. */
export const BOARD_POSITIONS = ['ketua', 'sekretaris', 'bendahara'] as const;
export const BoardPositionSchema = z.enum(BOARD_POSITIONS);
export type BoardPosition = z.infer<typeof BoardPositionSchema>;

/** Platform-wide roles: dinas (the city cooperative office) reads aggregate figures, no personal data. */
export const PLATFORM_ROLES = ['dinas'] as const;
export const PlatformRoleSchema = z.enum(PLATFORM_ROLES);
export type PlatformRole = z.infer<typeof PlatformRoleSchema>;

/** Staff roles: those that work in the cooperative's back office. */
export const STAFF_ROLES = [
  'pengurus',
  'kasir',
  'gudang',
  'pengawas',
] as const satisfies readonly CooperativeRole[];

/** One cooperative's grant in a token or a person view. */
export const CooperativeGrantSchema = z.object({
  cooperativeId: CooperativeIdSchema,
  roles: z.array(CooperativeRoleSchema),
  /** Board position when roles include pengurus. */
  position: BoardPositionSchema.optional(),
});
export type CooperativeGrant = z.infer<typeof CooperativeGrantSchema>;
