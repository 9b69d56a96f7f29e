import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { SellerSnapshotSchema } from './seller-snapshot';

/** A suspended seller may sell again: their published listings come back on the storefront. */
export const SellerReinstated = defineEvent(
  'pasar.membership.seller.reinstated',
  Topics.membershipSeller.name,
  SellerSnapshotSchema,
);
