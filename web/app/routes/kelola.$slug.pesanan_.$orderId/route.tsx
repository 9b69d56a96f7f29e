import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { FlashNotice } from '~/components/flash-notice';
import { LineItems } from '~/components/line-items';
import { OrderTimeline } from '~/components/order-timeline';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { orderNumber } from '~/utils/fulfilment';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { OrderSteps } from './order-steps';
import { staffOrderAction } from './order-step.server';
import { PaymentPanel } from './payment-panel';
import { loadStaffOrder } from './staff-order.server';

export const loader = (args: LoaderFunctionArgs) => loadStaffOrder(args);
export const action = formAction((args: ActionFunctionArgs) => staffOrderAction(args));

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, 'staff.order.title', { id: data ? orderNumber(data.order) : '' }) },
];

/** One order for the cooperative's staff: what, for whom, how it is received, and its payment. */
export default function StaffOrderPage() {
  const { order, payment, steps, notice } = useLoaderData<typeof loader>();
  const { cooperative } = useStaff();
  const { t, lang, label } = useI18n();
  const base = `/kelola/${cooperative.slug}/pesanan/${order.id}`;
  return (
    <>
      <p>
        <Link to={`/kelola/${cooperative.slug}/pesanan`}>{t('staff.order.back')}</Link>
      </p>
      <h1>{t('staff.order.title', { id: orderNumber(order) })}</h1>
      <FlashNotice notice={notice} />
      <p className="actions-row">
        {order.whatsappUrl ? (
          <a href={order.whatsappUrl} className="button" target="_blank" rel="noopener noreferrer">
            {t('staff.order.whatsapp')}
          </a>
        ) : null}
        {order.notaNumber ? (
          <>
            <Link to={`${base}/nota`} className="button button-secondary">
              {t('nota.print')}
            </Link>
            <a href={`${base}/nota.pdf`} className="button button-secondary" download>
              {t('nota.download')}
            </a>
          </>
        ) : null}
      </p>
      <dl className="facts">
        <dt>{t('staff.order.status')}</dt>
        <dd data-testid="order-status" aria-live="polite">
          {label('status', order.status)}
        </dd>
        {order.notaNumber ? (
          <>
            <dt>{t('nota.number')}</dt>
            <dd>{order.notaNumber}</dd>
          </>
        ) : null}
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
        {order.cashReceived !== null ? (
          <>
            <dt>{t('staff.order.cashReceived')}</dt>
            <dd>{formatRupiah(order.cashReceived)}</dd>
            <dt>{t('staff.order.change')}</dt>
            <dd>{formatRupiah(order.change ?? order.cashReceived - order.total)}</dd>
          </>
        ) : null}
        {order.note ? (
          <>
            <dt>{t('staff.order.note')}</dt>
            <dd>{order.note}</dd>
          </>
        ) : null}
      </dl>
      <OrderSteps
        steps={steps}
        order={{ fulfilment: order.fulfilment, paymentMethod: order.paymentMethod, total: order.total }}
      />
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
      <OrderTimeline timeline={order.timeline} />
      <PaymentPanel panel={payment} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
