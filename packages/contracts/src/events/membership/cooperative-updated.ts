import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { CooperativeSnapshotSchema } from './cooperative-snapshot';

export const CooperativeUpdated = defineEvent(
  'pasar.membership.cooperative.updated',
  Topics.membershipCooperative.name,
  CooperativeSnapshotSchema,
);
