import { createHash } from 'node:crypto';
import { Topics } from '@pasar/contracts';
import { readTopics, testBus } from '@pasar/events/testing';
import { testInfra, waitFor } from '@pasar/testkit';
import Stripe from 'stripe';
import {
  addToCart,
  api,
  createProduct,
  newCart,
  placeOrder,
  staffAuth,
  type TestMarket,
  waitForOrderStatus,
} from './market';

/** The payments service's dev signing secret (it signs with it when STRIPE_WEBHOOK_SECRET is unset). */
export const STRIPE_WEBHOOK_SECRET = 'whsec_pasar_dev_only_not_a_secret';

/** The Midtrans order_id of an order's first payment session (attempt 1, session 1). */
export const midtransRef = (orderId: string) => `${orderId}-1-1`;

/** A call to the sandbox's control API (`/_sandbox/…`); throws on anything but 2xx. */
export async function sandbox<T = any>(path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${testInfra().midtransBaseUrl}/_sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** What the sandbox holds of a transaction (status, amounts, refunds, notifications delivered). */
export async function sandboxTransaction(ref: string): Promise<any> {
  const res = await fetch(`${testInfra().midtransBaseUrl}/_sandbox/transactions/${ref}`);
  if (!res.ok) throw new Error(`sandbox transaction ${ref}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The Core API's status of a transaction, as payments itself asks it (Basic auth, server key). */
export async function midtransStatus(ref: string): Promise<any> {
  const key = Buffer.from(`${testInfra().midtransServerKey}:`).toString('base64');
  const res = await fetch(`${testInfra().midtransBaseUrl}/v2/${ref}/status`, {
    headers: { authorization: `Basic ${key}`, accept: 'application/json' },
  });
  return res.json();
}

/** A Midtrans HTTP notification signed as Midtrans signs it (or with `signature_key` given). */
export function midtransNotification(fields: {
  order_id: string;
  transaction_status: string;
  status_code: string;
  gross_amount: string;
  transaction_id?: string;
  payment_type?: string;
  signature_key?: string;
}) {
  const signature = createHash('sha512')
    .update(`${fields.order_id}${fields.status_code}${fields.gross_amount}${testInfra().midtransServerKey}`)
    .digest('hex');
  return {
    status_message: 'midtrans payment notification',
    fraud_status: 'accept',
    currency: 'IDR',
    ...fields,
    signature_key: fields.signature_key ?? signature,
  };
}

export const postMidtransNotification = (m: TestMarket, body: unknown) =>
  api(`${m.urls.payments}/webhooks/midtrans`, { body });

const stripe = new Stripe('sk_test_123');

/** Posts a Stripe event to payments' webhook, signed with `secret` at `timestamp` (seconds). */
export async function postStripeEvent(
  m: TestMarket,
  event: unknown,
  opts: { secret?: string; timestamp?: number } = {},
) {
  const payload = JSON.stringify(event);
  const header = stripe.webhooks.generateTestHeaderString({
    payload,
    secret: opts.secret ?? STRIPE_WEBHOOK_SECRET,
    ...(opts.timestamp === undefined ? {} : { timestamp: opts.timestamp }),
  });
  const res = await fetch(`${m.urls.payments}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body };
}

/** A `checkout.session.completed` event for the Checkout session payments opened. */
export function checkoutCompleted(
  session: { id: string; paymentId: string },
  amountTotal: number,
  eventId = `evt_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`,
) {
  return {
    id: eventId,
    object: 'event',
    api_version: '2025-09-30.clover',
    created: Math.floor(Date.now() / 1000),
    type: 'checkout.session.completed',
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: session.id,
        object: 'checkout.session',
        amount_total: amountTotal,
        currency: 'idr',
        client_reference_id: session.paymentId,
        metadata: { paymentId: session.paymentId },
        mode: 'payment',
        payment_intent: `pi_${eventId.slice(4)}`,
        payment_status: 'paid',
        status: 'complete',
      },
    },
  };
}

/** The latest payment of an order as the cooperative's staff see it, once payments has it. */
export async function paymentOf(m: TestMarket, cooperativeId: string, orderId: string, statuses?: string[]) {
  const headers = await staffAuth(m, cooperativeId, 'payments');
  return waitFor(
    async () => {
      const res = await api<any>(`${m.urls.payments}/payments/by-order/${orderId}`, { headers });
      if (res.status !== 200) return undefined;
      return !statuses || statuses.includes(res.body.status) ? res.body : undefined;
    },
    { what: `payment of ${orderId}${statuses ? ` to be ${statuses.join('|')}` : ''}`, timeoutMs: 30_000 },
  );
}

/** Reads payments' topic from the beginning, for the market's topic prefix. */
export async function paymentEvents(m: TestMarket) {
  const bus = testBus('payments-reader', m.prefix);
  const reader = await readTopics(bus, [Topics.paymentsPayment.name, Topics.ordersOrder.name]);
  const of = (type: string, orderId: string) =>
    reader.records.filter((r) => r.envelope.type === type && r.key === orderId);
  return {
    reader,
    of,
    /** Distinct event ids of `type` about the order. */
    distinct: (type: string, orderId: string) => new Set(of(type, orderId).map((r) => r.envelope.id)).size,
    async stop() {
      await reader.stop();
      await bus.disconnect();
    },
  };
}

export interface OnlineOrder {
  orderId: string;
  token: string;
  productId: string;
  total: number;
  /** The order as orders shows it once the payment session is open (AWAITING_PAYMENT). */
  order: any;
}

/**
 * A product, a cart and an order paid online with `method`, up to AWAITING_PAYMENT with the
 * payment session open (the order's `payment.redirectUrl` set).
 */
export async function placeOnlineOrder(
  m: TestMarket,
  cooperativeId: string,
  method: string,
  opts: { price?: number; stock?: number; quantity?: number } = {},
): Promise<OnlineOrder> {
  const product = await createProduct(m, cooperativeId, {
    price: opts.price ?? 15_000,
    stock: opts.stock ?? 10,
  });
  const cartId = await newCart(m, cooperativeId);
  const added = await addToCart(m, cartId, product.id, opts.quantity ?? 2);
  if (added.status !== 200) throw new Error(`add to cart: ${added.status} ${JSON.stringify(added.body)}`);
  const placed = await placeOrder(m, cartId, undefined, { paymentMethod: method });
  if (placed.status !== 201) throw new Error(`place order: ${placed.status} ${JSON.stringify(placed.body)}`);
  const { id } = placed.body.order;
  const token = placed.body.accessToken;
  const order = await waitFor(
    async () => {
      const o = await waitForOrderStatus(m, id, token, ['AWAITING_PAYMENT']);
      return o.payment?.redirectUrl ? o : undefined;
    },
    { what: `payment session of ${id}`, timeoutMs: 30_000 },
  );
  return { orderId: id, token, productId: product.id, total: order.total, order };
}

/** The shopper picks `paymentType` and pays on the sandbox (the page's buttons, by the control API). */
export async function payOnSandbox(ref: string, paymentType = 'qris', knobs: Record<string, unknown> = {}) {
  await sandbox(`/transactions/${ref}/choose`, {
    payment_type: paymentType,
    ...(paymentType === 'bank_transfer' ? { bank: 'bca' } : {}),
  });
  return sandbox(`/transactions/${ref}/pay`, knobs);
}

/** Rupiah as Midtrans writes gross_amount: "30000.00". */
export const midtransAmount = (rupiah: number) => `${rupiah}.00`;
