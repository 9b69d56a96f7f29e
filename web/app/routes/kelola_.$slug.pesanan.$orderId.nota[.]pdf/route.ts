import type { LoaderFunctionArgs } from '@remix-run/node';
import { fetchNotaPdf } from '~/utils/fulfilment.server';
import { proxyNotaPdf } from '~/utils/nota.server';
import { requireOrderId, requireStaff } from '~/utils/staff.server';

/** Resource route: the staff's nota PDF, proxied with their orders token. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'pesanan');
  const orderId = requireOrderId(params.orderId);
  return proxyNotaPdf(
    (signal) =>
      fetchNotaPdf(
        { staff: { token: ctx.auth.tokens.orders, cooperativeId: ctx.cooperativeId } },
        orderId,
        signal,
      ),
    orderId,
  );
}
