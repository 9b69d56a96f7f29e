import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { CooperativeSnapshotSchema } from './cooperative-snapshot';

export const CooperativeRegistered = defineEvent(
  'pasar.membership.cooperative.registered',
  Topics.membershipCooperative.name,
  CooperativeSnapshotSchema,
);
