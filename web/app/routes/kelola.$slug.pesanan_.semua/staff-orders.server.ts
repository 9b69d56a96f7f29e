import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { listCooperativeOrders } from '~/utils/orders.server';
import { orderNumber } from '~/utils/fulfilment';
import { ORDER_STATUSES } from '~/utils/order-status';
import { requireStaff, staffCall } from '~/utils/staff.server';

/** The cooperative's orders for kasir, gudang, pengurus and pengawas (read-only for now), newest first. */
export async function loadStaffOrders({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'pesanan');
  const url = new URL(request.url);
  const rawStatus = url.searchParams.get('status') ?? '';
  const status = (ORDER_STATUSES as readonly string[]).includes(rawStatus) ? rawStatus : undefined;
  const rawCursor = url.searchParams.get('cursor');
  const cursor = rawCursor && rawCursor.length <= 512 ? rawCursor : undefined;
  const page = await staffCall(request, ctx, () =>
    listCooperativeOrders(ctx.auth.tokens.orders, ctx.cooperativeId, { status, cursor }),
  );
  return data(
    {
      status: status ?? '',
      statuses: [...ORDER_STATUSES],
      orders: page.items.map((o) => ({
        id: o.id,
        number: orderNumber(o as typeof o & { notaNumber?: string | null }),
        status: o.status,
        createdAt: o.createdAt,
        customer: o.contact.name,
        fulfilment: o.fulfilment.method,
        itemCount: o.lines.reduce((sum, l) => sum + l.quantity, 0),
        total: o.total,
      })),
      nextCursor: page.nextCursor,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
