import { formatDateTime } from '~/utils/datetime';
import { formatRupiah } from '~/utils/money';
import { showsPickupCode } from '~/utils/order-status';
import { useI18n } from '~/utils/use-i18n';
import type { OrderView } from '~/utils/views';
import { PaymentStatus } from './payment-status';
import { rejectionMessage } from './rejection-message';

/** The headline of an order: its status (announced when it changes), pickup code, and what happens next. */
export function OrderStatus({ order }: { order: OrderView }) {
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

      {order.pickupCode && showsPickupCode(order.status) ? (
        <div className="pickup-code" data-testid="pickup-code">
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
