import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { jakartaToday } from '~/utils/datetime';
import { getOrderQueue } from '~/utils/fulfilment.server';
import { requireStaff, staffCall } from '~/utils/staff.server';

/** A real calendar day written YYYY-MM-DD, else null. */
function dayOf(raw: string | null): string | null {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null;
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === raw ? raw : null;
}

/**
 * The order queue of a day (default today in WIB), optionally only pickup or only delivery orders:
 * kasir, gudang, pengurus and pengawas. Kept fresh by the page (SSE → revalidate), not by this loader.
 */
export async function loadQueue({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'pesanan');
  const url = new URL(request.url);
  const today = jakartaToday();
  const day = dayOf(url.searchParams.get('day')) ?? today;
  const rawFulfilment = url.searchParams.get('fulfilment');
  const fulfilment = rawFulfilment === 'pickup' || rawFulfilment === 'delivery' ? rawFulfilment : undefined;
  const queue = await staffCall(request, ctx, () =>
    getOrderQueue(ctx.auth.tokens.orders, ctx.cooperativeId, { day, fulfilment }),
  );
  return data(
    { day, today, fulfilment: fulfilment ?? '', columns: queue.columns },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
