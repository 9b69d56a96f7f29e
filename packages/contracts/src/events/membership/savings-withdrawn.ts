import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { SavingsMovementSchema } from './savings-movement';

/**
 * A member took money out of their simpanan sukarela (the only savings that can be withdrawn;
 * pokok and wajib come back only when membership ends). Never below zero: membership checks that.
 */
export const SavingsWithdrawn = defineEvent(
  'pasar.membership.savings.withdrawn',
  Topics.membershipSavings.name,
  SavingsMovementSchema.extend({ kind: z.literal('sukarela') }),
);
