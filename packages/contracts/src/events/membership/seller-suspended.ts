import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { SellerSnapshotSchema } from './seller-snapshot';

/**
 * A pengurus suspended a seller: catalog takes every listing of theirs off the storefront at once
 * (orders already placed still complete). The reason is for the seller; it carries no personal data.
 */
export const SellerSuspended = defineEvent(
  'pasar.membership.seller.suspended',
  Topics.membershipSeller.name,
  SellerSnapshotSchema.extend({ reason: z.string().min(1).max(500) }),
);
