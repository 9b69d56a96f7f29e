import { randomUUID } from 'node:crypto';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { type Checkout, CheckoutSchema } from '~/schemas/checkout.schema';
import { type FieldError, type FieldErrors, parseForm } from '~/schemas/form';
import { getAuth } from '~/utils/auth.server';
import type { BuyerLimit } from '~/utils/buyer-limit';
import { loadCart } from '~/utils/cart.server';
import { getProduct } from '~/utils/catalog.server';
import { formatDay, jakartaToday } from '~/utils/datetime';
import { type Lang, translate } from '~/utils/i18n';
import { requireCooperative, requireSlug } from '~/utils/cooperative.server';
import { ApiError } from '~/utils/http.server';
import { getOrder, getPaymentMethods, type PlaceOrderInput, placeOrder } from '~/utils/orders.server';
import {
  commitSession,
  flashNotice,
  getCartId,
  getLang,
  getSession,
  rememberOrder,
} from '~/utils/session.server';
import type { CartView } from '~/utils/views';

/** A cart line's product with a per-buyer limit (subsidised goods): the NIK field is shown for these. */
export interface LimitedLine {
  productId: string;
  name: string;
  limit: BuyerLimit;
}

/**
 * The cart's products that catalog says are limited per buyer. Carts are short, so one look-up per
 * line; a product catalog no longer has is skipped (orders will say what is wrong with it).
 */
export async function limitedLinesOf(cart: CartView | null): Promise<LimitedLine[]> {
  if (!cart || cart.lines.length === 0) return [];
  const found = await Promise.all(
    cart.lines.map(async (line) => {
      try {
        const product = await getProduct(line.productId);
        return product.buyerLimit
          ? { productId: line.productId, name: line.name, limit: product.buyerLimit }
          : null;
      } catch (error) {
        if (error instanceof ApiError && error.status < 500) return null;
        throw error;
      }
    }),
  );
  return found.filter((l): l is LimitedLine => l !== null);
}

export async function loadCheckout({ request, params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug);
  const session = await getSession(request);
  const cart = await loadCart(session, slug);
  const [paymentMethods, limited] = await Promise.all([
    cart && cart.lines.length > 0 ? getPaymentMethods(slug) : Promise.resolve([]),
    limitedLinesOf(cart),
  ]);
  // One key per rendering of the form: a double submit (or a retry after a lost answer) makes one order.
  return { cart, paymentMethods, limitedProducts: limited.map((l) => l.name), idempotencyKey: randomUUID() };
}

/** The checkout body with what orders is adding (contact.email, buyerNik); the generated type lacks them yet. */
export type PlaceOrderBody = PlaceOrderInput & {
  contact: PlaceOrderInput['contact'] & { email?: string };
  buyerNik?: string;
};

export function toOrderRequest(form: Checkout, cartId: string): PlaceOrderBody {
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
    contact: { name: form.name, phone: form.phone, ...(form.email ? { email: form.email } : {}) },
    paymentMethod: form.paymentMethod,
    ...(form.note ? { note: form.note } : {}),
    ...(form.buyerNik ? { buyerNik: form.buyerNik } : {}),
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
  [/email/, 'email', 'errors.email'],
  [/buyerNik/, 'buyerNik', 'errors.nik'],
];

interface BuyerLimitDetails {
  productId?: string;
  limit?: number;
  period?: string;
  resetsAt?: string;
  alreadyBought?: number;
}

/** 409 ORDER.BUYER_LIMIT in the shopper's words: which product, the limit, what they bought, when it resets. */
function buyerLimitError(error: ApiError, lines: CartView['lines'], lang: Lang): FieldError {
  const d = (error.details ?? {}) as BuyerLimitDetails;
  const line = lines.find((l) => l.productId === d.productId);
  if (!line || typeof d.limit !== 'number' || !d.period) return 'errors.buyerLimitShort';
  const period = ['day', 'week', 'month'].includes(d.period)
    ? translate(lang, `period.${d.period as 'day' | 'week' | 'month'}`)
    : d.period;
  const resetsDay = d.resetsAt ? jakartaToday(new Date(d.resetsAt)) : null;
  return {
    key: 'errors.buyerLimit',
    vars: {
      product: line.name,
      limit: d.limit,
      period,
      bought: d.alreadyBought ?? 0,
      resets: resetsDay ? formatDay(resetsDay, lang) : '—',
    },
  };
}

/** What a refusal of the orders service means, as field errors the form can show. */
export function checkoutErrorsOf(
  error: ApiError,
  lines: CartView['lines'] = [],
  lang: Lang = 'id',
): FieldErrors {
  if (error.code === 'ORDER.BUYER_LIMIT') return { form: buyerLimitError(error, lines, lang) };
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
  // The NIK is never sent back into the page: after a refusal it is typed again.
  for (const [key, value] of form.entries())
    if (typeof value === 'string' && key !== 'idempotencyKey' && key !== 'buyerNik') values[key] = value;
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
  const cart = await loadCart(session, cooperative.cooperativeId);
  // The NIK is asked only for limited goods, and then it is required (orders would refuse without it).
  const limited = await limitedLinesOf(cart);
  if (limited.length > 0 && !parsed.data.buyerNik) return fail(400, { buyerNik: 'errors.nikRequired' });
  const body = toOrderRequest(
    limited.length > 0 ? parsed.data : { ...parsed.data, buyerNik: undefined },
    cartId,
  );
  // A signed-in shopper's order is recorded as theirs ("Pesanan saya"); a guest's stays anonymous.
  const auth = await getAuth(request);
  const token = auth.status === 'signed-in' ? auth.tokens.orders : undefined;
  let placed: Awaited<ReturnType<typeof placeOrder>>;
  try {
    placed = await placeOrder(body, parsed.data.idempotencyKey, token);
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) {
      const errors = checkoutErrorsOf(error, cart?.lines ?? [], getLang(session));
      return fail(error.status === 400 ? 400 : 409, errors);
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
