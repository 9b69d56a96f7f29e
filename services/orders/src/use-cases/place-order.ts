import { newEvent, OrderPlaced, type PaymentMethod } from '@pasar/contracts';
import { ValidationError } from '@pasar/service-kit';
import { orderLines, sumLines } from '../domain/cart';
import { offeredPaymentMethods } from '../domain/catalog';
import type { Contact, Fulfilment, Order } from '../domain/order';
import { hashToken, newAccessToken, orderIdForKey } from '../lib/ids';
import { claimBuyerLimits } from './claim-buyer-limits';
import { eventLines } from './event-lines';
import { releaseClaims } from './release-buyer-limits';
import { findCartOrThrow } from './get-cart';
import { nextNotaNumber } from './nota-number';
import { EVENT_SOURCE, type OrdersDeps } from './ports';
import {
  cartEmpty,
  cooperativeUnavailable,
  deliveryUnavailable,
  idempotencyKeyReused,
  tooManyReplays,
} from '../domain/errors';

export interface PlaceOrderInput {
  idempotencyKey: string;
  cartId: string;
  fulfilment: Fulfilment;
  /** Phone already normalised to +62… */
  contact: Contact;
  paymentMethod: PaymentMethod;
  note?: string;
  /** The signed-in buyer, from a verified access token (never from the body); absent for a guest. */
  buyerPersonId?: string;
  /** For limited (subsidised) goods only; hashed at once, never stored, logged or published. */
  buyerNik?: string;
}

export interface PlacedOrder {
  order: Order;
  /** The secret link to the order; only its hash is stored. */
  accessToken: string;
  /** false when the idempotency key had already placed this order. */
  created: boolean;
}

/**
 * How many links one order may hand out: one at placement plus one per replay of the same request
 * (a flaky network, a double tap, a burst of duplicate submits). Bounded so the document stays small.
 */
const MAX_TOKENS = 50;

/**
 * Places the cart as an order: PLACED, with OrderPlaced in the same insert (outbox).
 * The same Idempotency-Key never makes a second order, even for concurrent duplicates: a unique
 * index on the key decides, and the loser answers with the winner's order.
 */
export async function placeOrder(deps: OrdersDeps, input: PlaceOrderInput): Promise<PlacedOrder> {
  if (!deps.settings.paymentMethods.includes(input.paymentMethod)) {
    throw methodNotOffered(input.paymentMethod, deps.settings.paymentMethods);
  }
  // The id is a function of the key: the duplicate check is a lookup by _id (cheap on every engine).
  const orderId = orderIdForKey(input.idempotencyKey);
  const earlier = await deps.orders.findById(orderId);
  if (earlier) return replay(deps, earlier, input);

  const cart = await findCartOrThrow(deps, input.cartId);
  if (cart.items.length === 0) {
    // A concurrent duplicate may have placed the order and emptied the cart a moment ago.
    const placed = await deps.orders.findById(orderId);
    if (placed) return replay(deps, placed, input);
    throw cartEmpty();
  }
  const cooperative = await deps.cooperatives.findById(cart.cooperativeId);
  if (!cooperative) {
    throw cooperativeUnavailable(cart.cooperativeId);
  }
  const offered = offeredPaymentMethods(cooperative, deps.settings.paymentMethods);
  if (!offered.includes(input.paymentMethod)) throw methodNotOffered(input.paymentMethod, offered);
  if (input.fulfilment.method === 'delivery' && !cooperative.deliveryEnabled) {
    throw deliveryUnavailable(cooperative.name);
  }
  const products = await deps.products.findMany(cart.items.map((i) => i.productId));
  const lines = orderLines(cart, products);

  const now = deps.clock();
  // Last check before the insert: subsidised goods take from the buyer's allowance (or refuse, 409).
  const buyerLimits = await claimBuyerLimits(deps, {
    orderId,
    cooperativeId: cart.cooperativeId,
    lines,
    products,
    buyerNik: input.buyerNik,
    at: now,
  });
  const expirySeconds = deps.settings.orderExpirySeconds ?? cooperative.orderExpiryMinutes * 60;
  const subtotal = sumLines(lines);
  const deliveryFee = input.fulfilment.method === 'delivery' ? cooperative.deliveryFee : 0;
  const accessToken = newAccessToken();
  const order: Order = {
    id: orderId,
    cooperativeId: cart.cooperativeId,
    status: 'PLACED',
    lines,
    subtotal,
    deliveryFee,
    total: subtotal + deliveryFee,
    fulfilment: input.fulfilment,
    contact: input.contact,
    paymentMethod: input.paymentMethod,
    note: input.note ?? null,
    pickupCode: null,
    // Fulfilment: the nota number now, the handover fields at completion.
    notaNumber: await nextNotaNumber(deps, cart.cooperativeId, now),
    handover: null,
    cashReceived: null,
    change: null,
    rejection: null,
    cancelReason: null,
    payment: null,
    refund: null,
    timeline: [{ status: 'PLACED', at: now }],
    expiresAt: new Date(now.getTime() + expirySeconds * 1000),
    createdAt: now,
    updatedAt: now,
    version: 1,
    idempotencyKey: input.idempotencyKey,
    cartId: cart.id,
    tokenHashes: [hashToken(accessToken)],
    correlationId: '',
    buyerPersonId: input.buyerPersonId ?? null,
    ...(buyerLimits ? { buyerLimits } : {}),
  };
  const placedEvent = newEvent(
    OrderPlaced,
    order.id,
    {
      orderId: order.id,
      cooperativeId: order.cooperativeId,
      lines: eventLines(order),
      subtotal,
      deliveryFee,
      total: order.total,
      fulfilment: order.fulfilment.method,
      paymentMethod: order.paymentMethod,
      expiresAt: order.expiresAt.toISOString(),
    },
    { source: EVENT_SOURCE, cooperativeId: order.cooperativeId },
  );
  order.correlationId = placedEvent.correlationid;

  // A duplicate shares this order id, hence these claims: only a failed insert gives them back.
  const inserted = await deps.orders.insert(order, [placedEvent]).catch(async (err: unknown) => {
    await releaseClaims(deps, orderId, buyerLimits?.claims ?? []);
    throw err;
  });
  if (inserted === 'duplicate') {
    const winner =
      (await deps.orders.findById(orderId)) ?? (await deps.orders.findByIdempotencyKey(input.idempotencyKey));
    if (!winner) throw new Error('Idempotency key reported taken but no order holds it');
    return replay(deps, winner, input);
  }
  deps.nudge(order.id);
  await deps.expiries.add(order.id, order.expiresAt).catch((err: unknown) => {
    // The sweeper's periodic full scan of orders still finds it.
    deps.logger.warn({ err, orderId: order.id }, 'could not queue the order for expiry');
  });
  // Only if nobody changed the cart meanwhile: what was added after the order was read stays.
  if (!(await deps.carts.saveItems(cart, [], now))) {
    deps.logger.info({ cartId: cart.id, orderId: order.id }, 'cart changed while ordering; left as it is');
  }
  deps.logger.info(
    { orderId: order.id, cooperativeId: order.cooperativeId, total: order.total },
    'order placed',
  );
  return { order, accessToken, created: true };
}

/** 400 naming the field and what this cooperative does take. */
function methodNotOffered(method: PaymentMethod, offered: readonly PaymentMethod[]): ValidationError {
  return new ValidationError([
    {
      field: 'paymentMethod',
      message:
        offered.length > 0
          ? `"${method}" is not available; choose ${offered.join(', ')}`
          : `"${method}" is not available; this cooperative takes no payment method right now`,
    },
  ]);
}

/**
 * The same request again: the same order, with a fresh link (only hashes are stored, so the first
 * token cannot be handed out twice). The key alone is not enough: the cart must match too.
 */
async function replay(deps: OrdersDeps, order: Order, input: PlaceOrderInput): Promise<PlacedOrder> {
  if (order.cartId !== input.cartId) {
    throw idempotencyKeyReused();
  }
  const accessToken = newAccessToken();
  const hash = hashToken(accessToken);
  if (!(await deps.orders.addTokenHash(order.id, hash, MAX_TOKENS))) {
    throw tooManyReplays();
  }
  return { order: { ...order, tokenHashes: [...order.tokenHashes, hash] }, accessToken, created: false };
}
