import { DomainError } from '@pasar/service-kit';
import type { OrderStatus } from '@pasar/contracts';

/**
 * The refusals orders answers with, in one place: the code a client branches on, the HTTP status,
 * and a message that says what to do. Use cases and the domain throw these; routes never build errors.
 */

export const cartEmpty = () => new DomainError('CART.EMPTY', 'The cart is empty', 409);

/** A guarded write lost to a concurrent one too many times in a row: the caller may simply retry. */
export const orderBusy = (advice = 'try again') =>
  new DomainError('ORDER.BUSY', `The order is changing right now; ${advice}`, 409);

export const cartBusy = () =>
  new DomainError('CART.BUSY', 'The cart is being changed elsewhere; try again', 409);

export const invalidTransition = (message: string, details: Record<string, unknown>) =>
  new DomainError('ORDER.INVALID_TRANSITION', message, 409, details);

export const cannotCancel = (status: OrderStatus, final: boolean) =>
  new DomainError(
    'ORDER.CANNOT_CANCEL',
    final
      ? `The order is already ${status}`
      : 'The cooperative has started packing this order; it can no longer be cancelled',
    409,
    { status },
  );

export const cashNotExpected = (paymentMethod: string) =>
  new DomainError(
    'ORDER.CASH_NOT_EXPECTED',
    `This order was paid with ${paymentMethod}; no cash is collected`,
    422,
  );

export const cashRequired = (total: number) =>
  new DomainError(
    'ORDER.CASH_REQUIRED',
    `This order is paid in cash: record the cash received (at least ${total})`,
    422,
    { total },
  );

export const cashShort = (total: number, cashReceived: number) =>
  new DomainError(
    'ORDER.CASH_SHORT',
    `The cash received (${cashReceived}) is less than the total (${total})`,
    422,
    { total, cashReceived },
  );

export const handoverProofRequired = (where: 'outlet' | 'courier') =>
  new DomainError(
    'ORDER.HANDOVER_PROOF_REQUIRED',
    where === 'outlet'
      ? "Ask the shopper for the order's pickup code"
      : "Give the shopper's pickup code or a note of who received the order",
    422,
  );

export const pickupCodeThrottled = (retryAfterSeconds: number) =>
  new DomainError(
    'ORDER.PICKUP_CODE_THROTTLED',
    `Too many wrong pickup codes for this order; try again in ${retryAfterSeconds} seconds`,
    429,
    { retryAfterSeconds },
  );

export const wrongPickupCode = () =>
  new DomainError(
    'ORDER.WRONG_PICKUP_CODE',
    'The pickup code does not match this order; ask the shopper to read it again from their order page',
    422,
  );

export const cooperativeUnavailable = (cooperativeId: string) =>
  new DomainError('COOPERATIVE.UNAVAILABLE', `Cooperative ${cooperativeId} is not taking orders`, 409);

export const deliveryUnavailable = (cooperativeName: string) =>
  new DomainError('ORDER.DELIVERY_UNAVAILABLE', `${cooperativeName} does not deliver; choose pickup`, 409);

export const idempotencyKeyReused = () =>
  new DomainError(
    'ORDER.IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for another request; use a new key per checkout',
    422,
  );

export const tooManyReplays = () =>
  new DomainError(
    'ORDER.TOO_MANY_REPLAYS',
    'This order was requested too many times; open it from its link',
    429,
  );

export const cartWrongCooperative = (
  productId: string,
  productName: string,
  cartCooperativeId: string,
  productCooperativeId: string,
) =>
  new DomainError(
    'CART.WRONG_COOPERATIVE',
    `This cart holds goods of ${cartCooperativeId}; ${productName} is sold by ${productCooperativeId}`,
    409,
    { productId, cartCooperativeId, productCooperativeId },
  );

export const cartLimitExceeded = (productId: string, what: string, limit: number, requested: number) =>
  new DomainError('CART.LIMIT_EXCEEDED', `At most ${limit} ${what} per order`, 409, {
    productId,
    limit,
    requested,
  });

export const cartTooManyLines = (limit: number) =>
  new DomainError('CART.TOO_MANY_LINES', `A cart holds at most ${limit} different products`, 409, { limit });

export const productUnavailable = (productId: string, name: string | undefined) =>
  new DomainError(
    'PRODUCT.UNAVAILABLE',
    `${name ?? productId} is no longer for sale; remove it from the cart`,
    409,
    {
      productId,
    },
  );
