import { ErrorBodySchema } from '@pasar/service-kit';
import { json } from './views.schemas';

/**
 * Anonymous routes still refuse a bad token: an invalid, expired or tampered `Authorization`
 * header is a 401 on every route (sending none is fine). The kit documents 401 only for routes
 * that need a token, so anonymous routes add it here to keep the document true.
 */
export const invalidToken = {
  401: json(ErrorBodySchema, 'The access token sent is invalid or expired (sending none is fine)'),
};

/** POST /orders' own answers beyond the kit's 400/404/409/413. */
export const placeOrderErrors = {
  422: json(
    ErrorBodySchema,
    'ORDER.IDEMPOTENCY_KEY_REUSED: this key already placed an order of another cart',
  ),
  429: json(ErrorBodySchema, 'ORDER.TOO_MANY_REPLAYS: this request was repeated too many times'),
};
