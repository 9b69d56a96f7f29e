import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { SavingsKindSchema, SavingsMovementSchema } from './savings-movement';

/**
 * A member paid into their savings: simpanan pokok (once, on joining), wajib (`months` says how
 * many monthly dues the payment covers; several at once or in advance), or sukarela. Recorded by
 * the bendahara or a kasir; membership keeps the member's sub-ledger, the ledger books it.
 */
export const SavingsDeposited = defineEvent(
  'pasar.membership.savings.deposited',
  Topics.membershipSavings.name,
  SavingsMovementSchema.extend({
    kind: SavingsKindSchema,
    months: z.number().int().positive().max(120).optional(),
  }).refine((d) => d.kind === 'wajib' || d.months === undefined, {
    path: ['months'],
    message: 'only a simpanan wajib deposit covers months',
  }),
);
