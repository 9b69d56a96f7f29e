import { newEvent, OrderCompleted } from '@pasar/contracts';
import { pickupCodeMatches, settleCash } from '../domain/handover';
import { type HandoverMethod, type Order, transition } from '../domain/order';
import { auditEvent, type StaffActor } from './audit';
import { eventLines } from './event-lines';
import { getOrderForStaff } from './get-order';
import { EVENT_SOURCE, type OrdersDeps } from './ports';
import { takeStaffStep } from './staff-transition';
import { handoverProofRequired, pickupCodeThrottled, wrongPickupCode } from '../domain/errors';

export interface HandoverInput {
  /** The shopper's pickup code (required at the outlet; the courier gives it or a note). */
  pickupCode?: string;
  /** The courier's word for a delivery handed over without the code ("diterima Bu RT"). */
  note?: string;
  /** Cash orders: the rupiah the kasir or courier took (≥ total). */
  cashReceived?: number;
}

/**
 * The goods reach the shopper (READY_FOR_PICKUP or OUT_FOR_DELIVERY → COMPLETED). At the outlet
 * the shopper's pickup code is the proof; a courier gives the code or a note. A wrong code is
 * refused (422), audited, and counted: after 5 in 15 minutes the order takes none for a while (429).
 * For a cash order the cash received (and the change) is recorded: OrderCompleted carries it to payments.
 */
export async function completeOrder(
  deps: OrdersDeps,
  actor: StaffActor,
  cooperativeId: string,
  orderId: string,
  where: 'outlet' | 'courier',
  input: HandoverInput,
): Promise<Order> {
  const command = where === 'outlet' ? 'handOver' : 'deliver';
  const order = await getOrderForStaff(deps, cooperativeId, orderId);
  transition(order, command, deps.clock()); // 409 for an order in another state, before any code is judged
  const cash = settleCash(order, input.cashReceived);
  const handover = await checkProof(deps, actor, order, where, input);
  return takeStaffStep(deps, actor, cooperativeId, orderId, {
    command,
    action: 'orders.order.completed',
    roles: where === 'outlet' ? ['kasir', 'pengurus'] : ['gudang', 'kasir', 'pengurus'],
    build: (o) => ({
      events: [
        newEvent(
          OrderCompleted,
          o.id,
          {
            orderId: o.id,
            notaNumber: o.notaNumber,
            paymentMethod: o.paymentMethod,
            total: o.total,
            cashReceived: cash.cashReceived,
            handover,
            lines: eventLines(o),
            buyerPersonId: o.buyerPersonId ?? null,
          },
          { source: EVENT_SOURCE, cooperativeId, correlationId: o.correlationId },
        ),
      ],
      set: { handover, cashReceived: cash.cashReceived, change: cash.change },
      ...(handover === 'courier_note' && input.note ? { note: input.note } : {}),
      auditBefore: { total: o.total },
      auditAfter: { handover, cashReceived: cash.cashReceived, change: cash.change },
    }),
  });
}

async function checkProof(
  deps: OrdersDeps,
  actor: StaffActor,
  order: Order,
  where: 'outlet' | 'courier',
  input: HandoverInput,
): Promise<HandoverMethod> {
  if (input.pickupCode === undefined) {
    if (where === 'courier' && input.note) return 'courier_note';
    throw handoverProofRequired(where);
  }
  const wait = await deps.handoverThrottle.retryAfter(order.id);
  if (wait > 0) {
    throw pickupCodeThrottled(wait);
  }
  if (!pickupCodeMatches(order, input.pickupCode)) {
    await deps.handoverThrottle.fail(order.id);
    await recordRefusal(deps, actor, order);
    throw wrongPickupCode();
  }
  return where === 'outlet' ? 'pickup_code' : 'courier_code';
}

/** A wrong code is audited (who tried, on which order; never the code tried) without changing the order. */
async function recordRefusal(deps: OrdersDeps, actor: StaffActor, order: Order): Promise<void> {
  const audit = auditEvent({
    actor,
    cooperativeId: order.cooperativeId,
    action: 'orders.order.pickup-code-refused',
    orderId: order.id,
    before: { status: order.status },
    after: { status: order.status },
    at: deps.clock(),
    correlationId: order.correlationId,
  });
  if (await deps.orders.appendEvents(order.id, [audit])) deps.nudge(order.id);
}
