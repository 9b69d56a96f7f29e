import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { loadMyOrders } from './my-orders.server';

export const loader = (args: LoaderFunctionArgs) => loadMyOrders(args);

export const headers: HeadersFunction = ({ parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  merged.set('Cache-Control', 'private, no-store');
  return merged;
};

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'myOrders.title') },
  { name: 'robots', content: 'noindex' },
];

export default function MyOrdersPage() {
  const { orders, nextCursor } = useLoaderData<typeof loader>();
  const { t, lang, label } = useI18n();
  return (
    <>
      <h1>{t('myOrders.title')}</h1>
      {orders.length === 0 ? (
        <p>{t('myOrders.empty')}</p>
      ) : (
        <ul className="card-list" aria-label={t('myOrders.title')}>
          {orders.map((o) => (
            <li key={o.id} className="card" data-testid="my-order">
              <h2>
                {o.openHere ? (
                  <Link
                    to={`/k/${o.cooperativeId}/pesanan/${o.id}`}
                    aria-label={t('myOrders.open', { id: o.id })}
                  >
                    {o.id}
                  </Link>
                ) : (
                  o.id
                )}
              </h2>
              <p>{o.market}</p>
              <p className="badge badge-info">{label('status', o.status)}</p>
              <p>
                {t('myOrders.summary', {
                  date: formatDateTime(o.createdAt, lang),
                  count: o.itemCount,
                  total: formatRupiah(o.total),
                })}
              </p>
              {o.openHere ? null : <p className="muted">{t('myOrders.openElsewhere')}</p>}
            </li>
          ))}
        </ul>
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
