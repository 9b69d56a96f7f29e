import type { CooperativeRole } from '@pasar/contracts';
import { CANCELLERS, DELIVERY_COMPLETERS, DISPATCHERS, holdsAny, PACKERS, PICKUP_COMPLETERS } from './staff';

/**
 * Which steps of an order a staff member may take now: the orders service's state machine
 * (PACKED → READY_FOR_PICKUP | OUT_FOR_DELIVERY → COMPLETED; cancel until handover) and its role rules,
 * mirrored so the page offers only these. The service still decides.
 */
export type Step = 'pack' | 'ready' | 'out-for-delivery' | 'complete' | 'cancel';

interface StepFacts {
  status: string;
  fulfilment: 'pickup' | 'delivery';
}

const CANCELLABLE = new Set([
  'PLACED',
  'AWAITING_PAYMENT',
  'CONFIRMED',
  'PAID',
  'PACKED',
  'READY_FOR_PICKUP',
  'OUT_FOR_DELIVERY',
]);

/** Whether the person's roles may take `step` on an order received this way, whatever its state. */
export function roleAllows(
  step: Step,
  fulfilment: 'pickup' | 'delivery',
  roles: readonly CooperativeRole[],
): boolean {
  const grant = { roles: [...roles] };
  if (step === 'pack') return holdsAny(grant, PACKERS);
  if (step === 'ready' || step === 'out-for-delivery') return holdsAny(grant, DISPATCHERS);
  if (step === 'complete')
    return holdsAny(grant, fulfilment === 'pickup' ? PICKUP_COMPLETERS : DELIVERY_COMPLETERS);
  return holdsAny(grant, CANCELLERS);
}

/** The steps the order's state opens now, in the order the page shows them. */
function stepsOfState(order: StepFacts): Step[] {
  const pickup = order.fulfilment === 'pickup';
  const steps: Step[] = [];
  if (order.status === 'CONFIRMED' || order.status === 'PAID') steps.push('pack');
  if (order.status === 'PACKED') steps.push(pickup ? 'ready' : 'out-for-delivery');
  if ((order.status === 'READY_FOR_PICKUP' && pickup) || (order.status === 'OUT_FOR_DELIVERY' && !pickup))
    steps.push('complete');
  if (CANCELLABLE.has(order.status)) steps.push('cancel');
  return steps;
}

export function stepsFor(order: StepFacts, roles: readonly CooperativeRole[]): Step[] {
  return stepsOfState(order).filter((step) => roleAllows(step, order.fulfilment, roles));
}

/** The number people see on an order: the nota number once there is one, else the internal id. */
export function orderNumber(order: { id: string; notaNumber?: string | null }): string {
  return order.notaNumber ?? order.id;
}

/**
 * What orders' views gain with fulfilment (nota number, cash at handover, the staff's WhatsApp link);
 * optional until every orders instance sends them. The server checks them (fulfilment.server.ts).
 */
export interface FulfilmentExtras {
  notaNumber?: string | null;
  cashReceived?: number | null;
  change?: number | null;
  whatsappUrl?: string | null;
}
