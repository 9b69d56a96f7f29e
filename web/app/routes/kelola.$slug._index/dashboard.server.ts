import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { signedOutByService } from '~/utils/auth.server';
import { listAllProducts } from '~/utils/catalog.server';
import { isApiError } from '~/utils/http.server';
import { holdsAny, LOW_STOCK_THRESHOLD, STATS_READERS, STOCK_READERS } from '~/utils/staff';
import { requireStaff, type StaffContext } from '~/utils/staff.server';
import { getStats, type Stats } from '~/utils/stats.server';

/** A panel of the dashboard: not for this person's roles, could not be loaded now, or shown. */
export type Panel<T> = { state: 'hidden' } | { state: 'unavailable' } | { state: 'shown'; value: T };

/** One panel's call: a service down or saying no never fails the whole staff home page. */
async function panel<T>(
  request: Request,
  ctx: StaffContext,
  allowed: boolean,
  load: () => Promise<T>,
): Promise<Panel<T>> {
  if (!allowed) return { state: 'hidden' };
  try {
    return { state: 'shown', value: await load() };
  } catch (error) {
    if (isApiError(error) && error.status === 401) throw await signedOutByService(request, ctx.auth);
    if (isApiError(error) || (error instanceof Response && error.status === 503))
      return { state: 'unavailable' };
    throw error;
  }
}

export interface RestockItem {
  id: string;
  name: string;
  sku: string;
  available: number;
}

/** The staff home (Ringkasan): today's orders and revenue by payment method, low stock, 30 days of orders. */
export async function loadDashboard({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug);
  const [stats, restock] = await Promise.all([
    panel<Stats>(request, ctx, holdsAny(ctx.grant, STATS_READERS), () =>
      getStats(ctx.auth.tokens.orders, ctx.cooperativeId, 30),
    ),
    panel<RestockItem[]>(request, ctx, holdsAny(ctx.grant, STOCK_READERS), async () =>
      (await listAllProducts(ctx.auth.tokens.catalog, ctx.cooperativeId))
        .filter((p) => p.status === 'published' && p.stock.available <= LOW_STOCK_THRESHOLD)
        .sort((a, b) => a.stock.available - b.stock.available || a.name.localeCompare(b.name))
        .map((p) => ({ id: p.id, name: p.name, sku: p.sku, available: p.stock.available })),
    ),
  ]);
  return data(
    { stats, restock, threshold: LOW_STOCK_THRESHOLD },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
