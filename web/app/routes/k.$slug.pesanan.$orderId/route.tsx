import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { FlashNotice } from '~/components/flash-notice';
import { Notice } from '~/components/notice';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { orderNumber } from '~/utils/fulfilment';
import { pageTitle } from '~/utils/meta';
import { isSettled } from '~/utils/order-status';
import { useI18n } from '~/utils/use-i18n';
import { useMarket } from '~/utils/use-market';
import { CancelOrderForm } from './cancel-order-form';
import { OrderDetails } from './order-details';
import { OrderStatus } from './order-status';
import { OrderTimeline } from '~/components/order-timeline';
import { cancelOrderAction, loadOrder } from './order.server';
import { useLiveOrder } from './use-live-order';

export const loader = (args: LoaderFunctionArgs) => loadOrder(args);
export const action = formAction((args: ActionFunctionArgs) => cancelOrderAction(args));

/** The order's page must not be cached anywhere: it holds contact details and a live status. */
export const headers: HeadersFunction = ({ loaderHeaders, parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  const cacheControl = loaderHeaders.get('Cache-Control');
  if (cacheControl) merged.set('Cache-Control', cacheControl);
  return merged;
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, 'order.title', { id: data ? orderNumber(data.order) : '' }) },
  { name: 'robots', content: 'noindex' },
  { name: 'referrer', content: 'no-referrer' },
];

export default function OrderPage() {
  const { order: initial, notice, secretLink } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const market = useMarket();
  const location = useLocation();
  const { t } = useI18n();
  const { order, live } = useLiveOrder(initial, `${location.pathname}/events`);
  const final = isSettled(order);
  return (
    <>
      {/* Without JavaScript there is no stream: reload every 10 s until the order is final. */}
      {final ? null : (
        <noscript>
          <meta httpEquiv="refresh" content="10" />
        </noscript>
      )}
      <h1>{t('order.title', { id: orderNumber(order) })}</h1>
      {order.notaNumber ? (
        <p className="actions-row">
          <Link to={`${location.pathname}/nota`} className="button button-secondary">
            {t('nota.print')}
          </Link>
          <a href={`${location.pathname}/nota.pdf`} className="button button-secondary" download>
            {t('nota.download')}
          </a>
        </p>
      ) : null}
      <FlashNotice notice={notice} />
      <OrderStatus order={order} />
      {final ? null : (
        <p className="muted">
          {live ? t('order.live') : <noscript>{t('order.autoRefresh')} </noscript>}
          <a href={location.pathname}>{t('order.reload')}</a>
        </p>
      )}
      {order.canCancel ? <CancelOrderForm error={actionData?.error} /> : null}
      {!order.canCancel && actionData?.error ? <Notice tone="error">{t(actionData.error)}</Notice> : null}
      <OrderTimeline timeline={order.timeline} />
      <OrderDetails order={order} outletAddress={market.outletAddress} />
      <details className="secret-link">
        <summary>{t('order.secretLink')}</summary>
        <p className="muted">{t('order.secretLinkHelp')}</p>
        <input
          readOnly
          value={secretLink}
          aria-label={t('order.secretLink')}
          onFocus={(e) => e.currentTarget.select()}
        />
      </details>
      <p>
        <Link to={`/k/${market.slug}`} className="button button-secondary">
          {t('order.shopAgain')}
        </Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
