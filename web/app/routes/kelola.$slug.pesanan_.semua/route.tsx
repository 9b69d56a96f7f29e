import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { loadStaffOrders } from './staff-orders.server';

export const loader = (args: LoaderFunctionArgs) => loadStaffOrders(args);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'staff.orders.allTitle') }];

export default function StaffOrdersPage() {
  const { orders, status, statuses, nextCursor } = useLoaderData<typeof loader>();
  const { t, lang, label } = useI18n();
  const base = `/kelola/${useStaff().cooperative.slug}/pesanan`;
  const more = new URLSearchParams({
    ...(status ? { status } : {}),
    ...(nextCursor ? { cursor: nextCursor } : {}),
  });
  return (
    <>
      <p>
        <Link to={base}>{t('staff.orders.backToQueue')}</Link>
      </p>
      <h1>{t('staff.orders.allTitle')}</h1>
      <Form method="get" className="filters-inline">
        <div className="field">
          <label htmlFor="staff-order-status">{t('staff.orders.status')}</label>
          <select id="staff-order-status" name="status" defaultValue={status}>
            <option value="">{t('staff.orders.allStatuses')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {label('status', s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('staff.orders.filter')}</button>
      </Form>
      {orders.length === 0 ? (
        <p>{t('staff.orders.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('staff.orders.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.orders.order')}</th>
                <th scope="col">{t('staff.orders.placed')}</th>
                <th scope="col">{t('staff.orders.status')}</th>
                <th scope="col">{t('staff.orders.customer')}</th>
                <th scope="col">{t('staff.orders.fulfilment')}</th>
                <th scope="col">{t('staff.orders.total')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} data-testid="staff-order">
                  <th scope="row">
                    <Link to={`${base}/${o.id}`} aria-label={t('staff.orders.open', { id: o.number })}>
                      {o.number}
                    </Link>
                  </th>
                  <td>{formatDateTime(o.createdAt, lang)}</td>
                  <td>{label('status', o.status)}</td>
                  <td>{o.customer}</td>
                  <td>{t(o.fulfilment === 'delivery' ? 'staff.orders.delivery' : 'staff.orders.pickup')}</td>
                  <td>{formatRupiah(o.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? (
        <p>
          <Link to={`?${more}`} className="button button-secondary">
            {t('list.more')}
          </Link>
        </p>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
