import { Link } from '@remix-run/react';
import { formatDateTime } from '~/utils/datetime';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import type { PaymentPanel as Panel } from './staff-order.server';

/** The order's payment as payments records it: status in words, amounts, VA number, refund. */
export function PaymentPanel({ panel }: { panel: Panel }) {
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  if (panel.state === 'hidden') return null;
  return (
    <section aria-labelledby="payment-title" data-testid="staff-payment">
      <h2 id="payment-title">{t('staff.payment.title')}</h2>
      {panel.state === 'none' ? <p className="muted">{t('staff.payment.none')}</p> : null}
      {panel.state === 'unavailable' ? <p className="muted">{t('staff.payment.unavailable')}</p> : null}
      {panel.state === 'shown' ? (
        <>
          <dl className="facts">
            <dt>{t('staff.payment.status')}</dt>
            <dd>
              <strong>{t(`payment.status.${panel.payment.status}`)}</strong>
              {panel.payment.attempt > 1 ? (
                <span className="muted">
                  {' '}
                  ({t('staff.payment.attempt', { attempt: panel.payment.attempt })})
                </span>
              ) : null}
            </dd>
            <dt>{t('staff.payment.method')}</dt>
            <dd>
              {t(`checkout.method.${panel.payment.paymentMethod}`)}
              <span className="muted"> · {t(`payment.provider.${panel.payment.provider}`)}</span>
            </dd>
            <dt>{t('staff.payment.amount')}</dt>
            <dd>{formatRupiah(panel.payment.amount)}</dd>
            <dt>{t('staff.payment.captured')}</dt>
            <dd>{formatRupiah(panel.payment.captured)}</dd>
            <dt>{t('staff.payment.refunded')}</dt>
            <dd>{formatRupiah(panel.payment.refunded)}</dd>
            {panel.payment.vaNumber ? (
              <>
                <dt>{t('staff.payment.va')}</dt>
                <dd>
                  <code>{panel.payment.vaNumber}</code>
                </dd>
              </>
            ) : null}
            {panel.payment.failureReason ? (
              <>
                <dt>{t('staff.payment.failure')}</dt>
                <dd>{panel.payment.failureReason}</dd>
              </>
            ) : null}
            {panel.payment.refund ? (
              <>
                <dt>{t('staff.payment.refund')}</dt>
                <dd data-testid="staff-refund">
                  {panel.payment.refund.doneAt
                    ? t('staff.payment.refundDone', {
                        amount: formatRupiah(panel.payment.refund.amount),
                        reason: t(`payment.refundReason.${panel.payment.refund.reason}`),
                        at: formatDateTime(panel.payment.refund.doneAt, lang),
                      })
                    : t('staff.payment.refundOpen', {
                        amount: formatRupiah(panel.payment.refund.amount),
                        reason: t(`payment.refundReason.${panel.payment.refund.reason}`),
                        since: formatDateTime(panel.payment.refund.requestedAt, lang),
                      })}
                  {panel.payment.refund.note ? (
                    <>
                      <br />
                      <span className="muted">
                        {t('staff.payment.refundNote', { note: panel.payment.refund.note })}
                      </span>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
          </dl>
          {panel.payment.status === 'MANUAL_REFUND' ? (
            <p>
              <Link to={`/kelola/${cooperative.slug}/pembayaran`}>{t('staff.payment.manualTask')}</Link>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
