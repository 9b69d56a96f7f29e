import { randomUUID } from 'node:crypto';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { type Checkout, CheckoutSchema } from '~/schemas/checkout.schema';
import { type FieldError, type FieldErrors, parseForm } from '~/schemas/form';
import { getAuth } from '~/utils/auth.server';
import { loadCart } from '~/utils/cart.server';
import { requireCooperative, requireSlug } from '~/utils/cooperative.server';
import { ApiError } from '~/utils/http.server';
import { getOrder, getPaymentMethods, type PlaceOrderInput, placeOrder } from '~/utils/orders.server';
import { commitSession, flashNotice, getCartId, getSession, rememberOrder } from '~/utils/session.server';

export async function loadCheckout({ request, params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug);
  const session = await getSession(request);
  const cart = await loadCart(session, slug);
  const paymentMethods = cart && cart.lines.length > 0 ? await getPaymentMethods(slug) : [];
  // One key per rendering of the form: a double submit (or a retry after a lost answer) makes one order.
  return { cart, paymentMethods, idempotencyKey: randomUUID() };
}

export function toOrderRequest(form: Checkout, cartId: string): PlaceOrderInput {
  const fulfilment: PlaceOrderInput['fulfilment'] =
    form.fulfilment === 'delivery'
      ? {
          method: 'delivery',
          address: {
            street: form.street ?? '',
            kelurahan: form.kelurahan ?? '',
            kecamatan: form.kecamatan ?? '',
            city: form.city ?? '',
            ...(form.rtRw ? { rt_rw: form.rtRw } : {}),
            ...(form.postalCode ? { postalCode: form.postalCode } : {}),
            ...(form.addressNotes ? { notes: form.addressNotes } : {}),
          },
        }
      : { method: 'pickup' };
  return {
    cartId,
    fulfilment,
    contact: { name: form.name, phone: form.phone },
    paymentMethod: form.paymentMethod,
    ...(form.note ? { note: form.note } : {}),
  };
}

/** Service field paths → our form fields, for a 400 the orders service names. */
const SERVICE_FIELDS: [RegExp, string, FieldError][] = [
  [/paymentMethod/, 'paymentMethod', 'errors.paymentUnavailable'],
  [/phone/, 'phone', 'errors.phone'],
  [/contact\.name|"name"/, 'name', 'errors.nameLength'],
  [/street/, 'street', 'errors.required'],
  [/kelurahan/, 'kelurahan', 'errors.required'],
  [/kecamatan/, 'kecamatan', 'errors.required'],
  [/city/, 'city', 'errors.required'],
  [/postalCode/, 'postalCode', 'errors.postalCode'],
  [/\bnotes\b/, 'addressNotes', 'errors.tooLong'],
  [/\bnote\b/, 'note', 'errors.tooLong'],
];

/** What a refusal of the orders service means, as field errors the form can show. */
export function checkoutErrorsOf(error: ApiError): FieldErrors {
  if (error.code === 'CART.EMPTY' || error.code === 'CART.NOT_FOUND') return { form: 'errors.cartEmpty' };
  if (error.code === 'ORDER.DELIVERY_UNAVAILABLE') return { fulfilment: 'errors.deliveryUnavailable' };
  if (error.code === 'CART.LIMIT_EXCEEDED') return { form: 'errors.generic' };
  if (error.status === 400) {
    const named = JSON.stringify(error.details ?? '') + error.message;
    const errors: FieldErrors = {};
    for (const [pattern, field, message] of SERVICE_FIELDS) if (pattern.test(named)) errors[field] = message;
    if (Object.keys(errors).length > 0) return errors;
  }
  return { form: 'errors.generic' };
}

function submittedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (typeof value === 'string' && key !== 'idempotencyKey') values[key] = value;
  return values;
}

/** "Buat pesanan": validate, place the order with the form's idempotency key, then go to the order page. */
export async function submitCheckout({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const session = await getSession(request);
  const cooperative = await requireCooperative(params.slug);
  const parsed = parseForm(CheckoutSchema, form);
  const submittedKey = form.get('idempotencyKey');
  const idempotencyKey =
    typeof submittedKey === 'string' && submittedKey.length >= 8 ? submittedKey : randomUUID();
  const fail = (status: 400 | 409, errors: FieldErrors) =>
    data({ errors, values: submittedValues(form), idempotencyKey }, { status });

  if (!parsed.ok) return fail(400, parsed.errors);
  if (parsed.data.fulfilment === 'delivery' && !cooperative.deliveryEnabled) {
    return fail(409, { fulfilment: 'errors.deliveryUnavailable' });
  }
  const cartId = getCartId(session, cooperative.cooperativeId);
  if (!cartId) return fail(409, { form: 'errors.cartEmpty' });
  // A signed-in shopper's order is recorded as theirs ("Pesanan saya"); a guest's stays anonymous.
  const auth = await getAuth(request);
  const token = auth.status === 'signed-in' ? auth.tokens.orders : undefined;
  let placed: Awaited<ReturnType<typeof placeOrder>>;
  try {
    placed = await placeOrder(toOrderRequest(parsed.data, cartId), parsed.data.idempotencyKey, token);
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) {
      return fail(error.status === 400 ? 400 : 409, checkoutErrorsOf(error));
    }
    throw error;
  }
  rememberOrder(session, placed.order.id, placed.accessToken);
  const headers = { 'Set-Cookie': await commitSession(session) };
  if (placed.order.paymentMethod !== 'cash') {
    // Online: straight on to the provider's page once payments has opened it; else the order page
    // says "Menyiapkan pembayaran…" and shows "Bayar sekarang" live when it comes.
    const page = await waitForPaymentPage(placed.order.id, placed.accessToken);
    if (page) return redirect(page, { headers });
  }
  flashNotice(session, 'order.placedNotice');
  return redirect(`/k/${cooperative.slug}/pesanan/${placed.order.id}`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

/** How long checkout waits for the payment page before showing the order page instead (tests shorten it). */
export const paymentWait = { timeoutMs: 3_000, intervalMs: 250 };

/** The hosted payment page of a just-placed order, once payments has opened it; null after the wait. */
async function waitForPaymentPage(orderId: string, token: string): Promise<string | null> {
  const until = Date.now() + paymentWait.timeoutMs;
  for (;;) {
    try {
      const url = (await getOrder(orderId, token)).payment?.redirectUrl;
      if (url && /^https?:\/\//.test(url)) return url;
    } catch {
      return null; // the order is placed: on a hiccup the order page takes over
    }
    if (Date.now() + paymentWait.intervalMs > until) return null;
    await new Promise((resolve) => setTimeout(resolve, paymentWait.intervalMs));
  }
}
