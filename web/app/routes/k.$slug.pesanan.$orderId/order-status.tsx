import { formatDateTime } from '~/utils/datetime';
import { formatRupiah } from '~/utils/money';
import { showsPickupCode } from '~/utils/order-status';
import { useI18n } from '~/utils/use-i18n';
import type { FulfilmentExtras } from '~/utils/fulfilment';
import type { OrderView } from '~/utils/views';
import { PaymentStatus } from './payment-status';
import { rejectionMessage } from './rejection-message';

/** What the new fulfilment steps mean for the shopper, said once per state. */
function StepMessage({ order }: { order: OrderView & FulfilmentExtras }) {
  const { t } = useI18n();
  if (order.status === 'PACKED') return <p>{t('order.packed')}</p>;
  if (order.status === 'READY_FOR_PICKUP')
    return <p className="notice notice-success">{t('order.readyPickup')}</p>;
  if (order.status === 'OUT_FOR_DELIVERY')
    return <p className="notice notice-info">{t('order.outForDelivery')}</p>;
  if (order.status !== 'COMPLETED') return null;
  return (
    <div className="notice notice-success">
      <p>{t('order.completedThanks')}</p>
      {typeof order.cashReceived === 'number' ? (
        <p>
          {t('order.cashPaid', {
            cash: formatRupiah(order.cashReceived),
            change: formatRupiah(order.change ?? order.cashReceived - order.total),
          })}
        </p>
      ) : null}
    </div>
  );
}

/** The headline of an order: its status (announced when it changes), pickup code, and what happens next. */
export function OrderStatus({ order }: { order: OrderView & FulfilmentExtras }) {
  const { t, label, lang } = useI18n();
  const pickup = order.fulfilment.method === 'pickup';
  return (
    <section
      className={`order-status status-${order.status.toLowerCase()}`}
      aria-labelledby="order-status-title"
    >
      <h2 id="order-status-title" className="visually-hidden">
        {t('order.status')}
      </h2>
      <p className="status-line" aria-live="polite" aria-atomic="true" data-testid="order-status">
        {t('order.statusNow', { status: label('status', order.status) })}
      </p>

      <StepMessage order={order} />

      {order.pickupCode && showsPickupCode(order.status) ? (
        <div
          className={`pickup-code${order.status === 'READY_FOR_PICKUP' ? ' pickup-code-ready' : ''}`}
          data-testid="pickup-code"
        >
          <p className="pickup-code-label">{t('order.pickupCode')}</p>
          <p className="pickup-code-value">{order.pickupCode}</p>
          <p>{t('order.pickupCodeHelp')}</p>
          {order.paymentMethod === 'cash' ? (
            <p>
              {t(pickup ? 'order.payCashPickup' : 'order.payCashDelivery', {
                total: formatRupiah(order.total),
              })}
            </p>
          ) : null}
        </div>
      ) : null}

      {order.status === 'REJECTED' && order.rejection ? (
        <div className="notice notice-error" role="alert">
          <p>{rejectionMessage(t, order)}</p>
          <p>{t('order.rejectedHelp')}</p>
        </div>
      ) : null}

      <PaymentStatus order={order} />

      {order.status === 'EXPIRED' && order.paymentMethod === 'cash' ? (
        <p className="notice notice-error" role="alert">
          {t('order.expired')}
        </p>
      ) : null}

      {order.status === 'PLACED' || (order.status === 'AWAITING_PAYMENT' && !order.payment?.redirectUrl) ? (
        <p className="muted">{t('order.expiresAt', { time: formatDateTime(order.expiresAt, lang) })}</p>
      ) : null}
    </section>
  );
}
