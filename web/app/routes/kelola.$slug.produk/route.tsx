import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { listProducts } from '~/utils/catalog.server';
import { isApiError } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { requireStaff } from '~/utils/staff.server';
import { useI18n } from '~/utils/use-i18n';

/** Gudang, pengurus and pengawas: the cooperative's products on sale with their stock (read-only for now). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'produk');
  const rawCursor = new URL(request.url).searchParams.get('cursor');
  const cursor = rawCursor && rawCursor.length <= 512 ? rawCursor : undefined;
  let page: Awaited<ReturnType<typeof listProducts>>;
  try {
    page = await listProducts(ctx.cooperativeId, { sort: 'name', limit: 50, cursor });
  } catch (error) {
    if (isApiError(error) && error.status === 400 && cursor)
      page = await listProducts(ctx.cooperativeId, { sort: 'name', limit: 50 });
    else throw error;
  }
  return {
    products: page.items.map((p) => ({
      id: p.id,
      name: p.name,
      sku: p.sku,
      price: p.price,
      available: p.stock.available,
      reserved: p.stock.reserved,
    })),
    nextCursor: page.nextCursor,
  };
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'staff.products.title') }];

export default function StaffProductsPage() {
  const { products, nextCursor } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('staff.products.title')}</h1>
      {products.length === 0 ? (
        <p>{t('staff.products.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('staff.products.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.products.name')}</th>
                <th scope="col">{t('staff.products.price')}</th>
                <th scope="col">{t('staff.products.stock')}</th>
                <th scope="col">{t('staff.products.reserved')}</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.name} <span className="muted">({p.sku})</span>
                  </th>
                  <td>{formatRupiah(p.price)}</td>
                  <td>{p.available}</td>
                  <td>{p.reserved}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? (
        <p>
          <Link to={`?cursor=${encodeURIComponent(nextCursor)}`} className="button button-secondary">
            {t('list.more')}
          </Link>
        </p>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
