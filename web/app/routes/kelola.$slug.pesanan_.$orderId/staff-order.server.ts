import { OrderIdSchema } from '@pasar/contracts';
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { signedOutByService } from '~/utils/auth.server';
import { isApiError, notFound } from '~/utils/http.server';
import { getCooperativeOrder } from '~/utils/orders.server';
import { getPaymentByOrder } from '~/utils/payments.server';
import { holdsAny, PAYMENT_READERS } from '~/utils/staff';
import { requireStaff, type StaffContext, staffCall } from '~/utils/staff.server';
import type { StaffOrderView, StaffPaymentView } from '~/utils/views';

export type PaymentPanel =
  /** The person's roles do not open payments (gudang): nothing is shown, nothing is asked. */
  | { state: 'hidden' }
  /** Payments says no (403/404: no attempt yet, or not theirs to see): a short line, not an error page. */
  | { state: 'none' }
  /** Payments is down or slow: the order is still shown. */
  | { state: 'unavailable' }
  | { state: 'shown'; payment: StaffPaymentView };

/** The order's payment for staff who handle or oversee money; never fails the order page. */
async function paymentPanel(request: Request, ctx: StaffContext, orderId: string): Promise<PaymentPanel> {
  if (!holdsAny(ctx.grant, PAYMENT_READERS)) return { state: 'hidden' };
  try {
    return { state: 'shown', payment: await getPaymentByOrder(ctx.auth.tokens.payments, orderId) };
  } catch (error) {
    if (isApiError(error) && error.status === 401) throw await signedOutByService(request, ctx.auth);
    if (isApiError(error) && (error.status === 403 || error.status === 404)) return { state: 'none' };
    if (error instanceof Response && error.status === 503) return { state: 'unavailable' };
    throw error;
  }
}

function addressOf(fulfilment: StaffOrderView['fulfilment']): string | null {
  if (fulfilment.method !== 'delivery') return null;
  const a = fulfilment.address;
  return [
    a.street,
    a.rt_rw ? `RT/RW ${a.rt_rw}` : '',
    a.kelurahan,
    a.kecamatan,
    a.city,
    a.postalCode ?? '',
    a.notes ? `(${a.notes})` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** One order of the cooperative for its staff (kasir, gudang, pengurus, pengawas), with its payment. */
export async function loadStaffOrder({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'pesanan');
  const parsedId = OrderIdSchema.safeParse(params.orderId);
  if (!parsedId.success) throw notFound('staffOrder');
  const orderId = parsedId.data;
  const [order, payment] = await Promise.all([
    staffCall(request, ctx, async () => {
      try {
        return await getCooperativeOrder(ctx.auth.tokens.orders, ctx.cooperativeId, orderId);
      } catch (error) {
        if (isApiError(error) && error.status === 404) throw notFound('staffOrder');
        throw error;
      }
    }),
    paymentPanel(request, ctx, orderId),
  ]);
  return data(
    {
      order: {
        id: order.id,
        status: order.status,
        createdAt: order.createdAt,
        contact: order.contact,
        address: addressOf(order.fulfilment),
        note: order.note,
        paymentMethod: order.paymentMethod,
        lines: order.lines.map((l) => ({
          productId: l.productId,
          name: l.name,
          quantity: l.quantity,
          lineTotal: l.lineTotal,
        })),
        subtotal: order.subtotal,
        deliveryFee: order.deliveryFee,
        total: order.total,
      },
      payment,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
