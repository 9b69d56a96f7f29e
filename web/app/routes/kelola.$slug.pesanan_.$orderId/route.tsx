import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { LineItems } from '~/components/line-items';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { PaymentPanel } from './payment-panel';
import { loadStaffOrder } from './staff-order.server';

export const loader = (args: LoaderFunctionArgs) => loadStaffOrder(args);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, 'staff.order.title', { id: data?.order.id ?? '' }) },
];

/** One order for the cooperative's staff: what, for whom, how it is received, and its payment. */
export default function StaffOrderPage() {
  const { order, payment } = useLoaderData<typeof loader>();
  const { cooperative } = useStaff();
  const { t, lang, label } = useI18n();
  return (
    <>
      <p>
        <Link to={`/kelola/${cooperative.slug}/pesanan`}>{t('staff.order.back')}</Link>
      </p>
      <h1>{t('staff.order.title', { id: order.id })}</h1>
      <dl className="facts">
        <dt>{t('staff.order.status')}</dt>
        <dd data-testid="order-status">{label('status', order.status)}</dd>
        <dt>{t('staff.order.placed')}</dt>
        <dd>{formatDateTime(order.createdAt, lang)}</dd>
        <dt>{t('staff.order.customer')}</dt>
        <dd>{order.contact.name}</dd>
        <dt>{t('staff.order.phone')}</dt>
        <dd>
          <a href={`tel:${order.contact.phone}`}>{order.contact.phone}</a>
        </dd>
        <dt>{t('staff.order.fulfilment')}</dt>
        <dd>
          {order.address ? t('staff.order.deliverTo', { address: order.address }) : t('staff.orders.pickup')}
        </dd>
        <dt>{t('staff.order.paymentMethod')}</dt>
        <dd>{t(`checkout.method.${order.paymentMethod}`)}</dd>
        {order.note ? (
          <>
            <dt>{t('staff.order.note')}</dt>
            <dd>{order.note}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="items-title">
        <h2 id="items-title">{t('staff.order.items')}</h2>
        <LineItems lines={order.lines} />
        <dl className="totals">
          <dt>{t('order.subtotal')}</dt>
          <dd>{formatRupiah(order.subtotal)}</dd>
          {order.deliveryFee > 0 ? (
            <>
              <dt>{t('order.deliveryFee')}</dt>
              <dd>{formatRupiah(order.deliveryFee)}</dd>
            </>
          ) : null}
          <dt>{t('order.total')}</dt>
          <dd>
            <strong>{formatRupiah(order.total)}</strong>
          </dd>
        </dl>
      </section>
      <PaymentPanel panel={payment} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
