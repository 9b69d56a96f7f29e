import type { Envelope } from '@pasar/contracts';
import { type Order, type OrderCommand, type StaffRole, type Transition, transition } from '../domain/order';
import { auditEvent, type StaffActor } from './audit';
import { commitChange } from './commit-change';
import { getOrderForStaff } from './get-order';
import { nextNotaNumber } from './nota-number';
import type { OrderChange, OrdersDeps } from './ports';
import { orderBusy } from '../domain/errors';

export interface StaffStep {
  command: OrderCommand;
  /** `orders.order.<verb>` for the audit entry. */
  action: string;
  /** The roles that may take this step, most fitting first: the timeline names the first one the actor holds. */
  roles: readonly StaffRole[];
  /**
   * The step's own checks and writes, decided on the order as read (with its nota number):
   * events besides the audit entry, extra fields, the timeline note, extra audit facts.
   */
  build(order: Order & { notaNumber: string }, t: Transition): Promise<StaffStepChange> | StaffStepChange;
}

export interface StaffStepChange {
  events: Envelope[];
  set?: OrderChange['set'];
  note?: string;
  auditBefore?: Record<string, unknown>;
  auditAfter?: Record<string, unknown>;
}

/**
 * One staff action on an order: decide, build, write as ONE guarded update with its events and
 * the audit entry (outbox), and tell the timeline which role did it. When the order moved on
 * meanwhile (a payment arriving, another staff member) it decides again on the new state.
 * An order from before nota numbers gets one here, so every fulfilment event carries it.
 */
export async function takeStaffStep(
  deps: OrdersDeps,
  actor: StaffActor,
  cooperativeId: string,
  orderId: string,
  step: StaffStep,
): Promise<Order> {
  let assigned: string | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const order = await getOrderForStaff(deps, cooperativeId, orderId);
    const t = transition(order, step.command, deps.clock());
    if (!order.notaNumber && !assigned) assigned = await nextNotaNumber(deps, cooperativeId, order.createdAt);
    const notaNumber = order.notaNumber ?? assigned!;
    const change = await step.build({ ...order, notaNumber }, t);
    const audit = auditEvent({
      actor,
      cooperativeId,
      action: step.action,
      orderId,
      before: { status: order.status, ...change.auditBefore },
      after: { status: t.to, ...change.auditAfter },
      at: deps.clock(),
      correlationId: order.correlationId,
    });
    const set = { ...(order.notaNumber ? {} : { notaNumber }), ...change.set };
    const applied = await commitChange(deps, order, t, {
      events: [...change.events, audit],
      ...(Object.keys(set).length > 0 ? { set } : {}),
      ...(change.note ? { note: change.note } : {}),
      by: staffRole(actor, step.roles),
    });
    if (applied) return getOrderForStaff(deps, cooperativeId, orderId);
  }
  throw orderBusy('reload and try again');
}

/** The role the timeline shows: the first of the step's roles the actor holds. */
export function staffRole(actor: StaffActor, roles: readonly StaffRole[]): StaffRole | undefined {
  return roles.find((r) => actor.roles.includes(r));
}
