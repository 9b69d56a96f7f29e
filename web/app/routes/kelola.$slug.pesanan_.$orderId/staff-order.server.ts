import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { signedOutByService } from '~/utils/auth.server';
import { stepsFor } from '~/utils/fulfilment';
import { getStaffOrder, type StaffOrderWithFulfilment } from '~/utils/fulfilment.server';
import { isApiError, notFound } from '~/utils/http.server';
import { commitSession, getSession, takeNotice } from '~/utils/session.server';
import { getPaymentByOrder } from '~/utils/payments.server';
import { holdsAny, PAYMENT_READERS } from '~/utils/staff';
import { requireOrderId, requireStaff, type StaffContext, staffCall } from '~/utils/staff.server';
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

/** Only a WhatsApp link is offered as one (the service prepares it; a stray scheme is never rendered). */
function whatsappLinkOf(url: string | null | undefined): string | null {
  return url && /^https:\/\/(wa\.me|api\.whatsapp\.com)\//.test(url) ? url : null;
}

/** The order for a staff page; 404 (the same page) for another cooperative's or an unknown one. */
export function fetchStaffOrder(
  request: Request,
  ctx: StaffContext,
  orderId: string,
): Promise<StaffOrderWithFulfilment> {
  return staffCall(request, ctx, async () => {
    try {
      return await getStaffOrder(ctx.auth.tokens.orders, ctx.cooperativeId, orderId);
    } catch (error) {
      if (isApiError(error) && error.status === 404) throw notFound('staffOrder');
      throw error;
    }
  });
}

/** One order of the cooperative for its staff (kasir, gudang, pengurus, pengawas), with its payment and the steps they may take. */
export async function loadStaffOrder({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'pesanan');
  const orderId = requireOrderId(params.orderId);
  const [order, payment] = await Promise.all([
    fetchStaffOrder(request, ctx, orderId),
    paymentPanel(request, ctx, orderId),
  ]);
  const session = await getSession(request);
  const notice = takeNotice(session);
  return data(
    {
      order: {
        id: order.id,
        notaNumber: order.notaNumber ?? null,
        status: order.status,
        fulfilment: order.fulfilment.method,
        timeline: order.timeline,
        cashReceived: order.cashReceived ?? null,
        change: order.change ?? null,
        whatsappUrl: whatsappLinkOf(order.whatsappUrl),
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
      steps: stepsFor({ status: order.status, fulfilment: order.fulfilment.method }, ctx.grant.roles),
      notice,
    },
    {
      headers: {
        'Cache-Control': 'private, no-store',
        ...(notice ? { 'Set-Cookie': await commitSession(session) } : {}),
      },
    },
  );
}
