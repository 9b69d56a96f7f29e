import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { SellerSnapshotSchema } from './seller-snapshot';

/** A pengurus approved a member's application to sell: catalog lets them list goods. */
export const SellerApproved = defineEvent(
  'pasar.membership.seller.approved',
  Topics.membershipSeller.name,
  SellerSnapshotSchema,
);
