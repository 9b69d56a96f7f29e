import { z } from 'zod';
import { CooperativeIdSchema } from '../../primitives';

/** How a seller's goods reach the outlet: the cooperative fetches them, or the seller drops them off. */
export const SELLER_HANDOFFS = ['outlet_pickup', 'drop_off'] as const;
export const SellerHandoffSchema = z.enum(SELLER_HANDOFFS);
export type SellerHandoff = z.infer<typeof SellerHandoffSchema>;

/**
 * What other services know of an approved seller (a member who sells through the market): the
 * public shop facts only. `sellerId` is the member id products carry; `personId` the account that
 * signs in as the penjual. No phone, NIK or address.
 */
export const SellerSnapshotSchema = z.object({
  sellerId: z.string().min(1),
  personId: z.string().min(1),
  cooperativeId: CooperativeIdSchema,
  shopName: z.string().min(1).max(80),
  /** What they sell, in their own words (shown on the seller's page). */
  description: z.string().max(500),
  handoff: SellerHandoffSchema,
});
export type SellerSnapshot = z.infer<typeof SellerSnapshotSchema>;
