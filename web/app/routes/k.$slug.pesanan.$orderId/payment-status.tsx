import { useEffect, useState } from 'react';
import { formatDateTime } from '~/utils/datetime';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import type { OrderView } from '~/utils/views';
import { countdown, PAYMENT_MESSAGES, paymentState, refundMessage } from './payment-message';

/** A ticking "time left", rendered only in the browser (the server's clock would not match on hydration). */
function Countdown({ deadline }: { deadline: string }) {
  const { t } = useI18n();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return null;
  return (
    <p className="muted" data-testid="payment-countdown">
      {t('order.paymentCountdown', { time: countdown(deadline, now) })}
    </p>
  );
}

/** Paying an online order: preparing, the "Bayar sekarang" button with its deadline, paid, failed, expired; and refunds. */
export function PaymentStatus({ order }: { order: OrderView }) {
  const { t, lang } = useI18n();
  const state = paymentState(order);
  const message = PAYMENT_MESSAGES[state.kind];
  const refund = refundMessage(order);
  const bad = state.kind === 'failed' || state.kind === 'expired' || state.kind === 'cancelled-by-staff';
  return (
    <>
      {state.kind === 'awaiting' ? (
        <div className="payment-due" data-testid="payment-due">
          <p>{t('order.paymentAwaiting', { total: formatRupiah(order.total) })}</p>
          <p>
            <strong>{t('order.paymentDeadline', { time: formatDateTime(state.deadline, lang) })}</strong>
          </p>
          <Countdown deadline={state.deadline} />
          <p>
            <a href={state.redirectUrl} className="button button-primary" rel="noreferrer">
              {t('order.payNow')}
            </a>
          </p>
          <p className="muted">{t('order.payNowHint')}</p>
        </div>
      ) : null}
      {message ? (
        <p
          className={`notice ${bad ? 'notice-error' : 'notice-info'}`}
          role={bad ? 'alert' : 'status'}
          data-testid={`payment-${state.kind}`}
        >
          {t(message)}
        </p>
      ) : null}
      {refund && order.refund ? (
        <p className="notice notice-info" role="status" data-testid="refund">
          {t(refund, { amount: formatRupiah(order.refund.amount) })}
        </p>
      ) : null}
    </>
  );
}
