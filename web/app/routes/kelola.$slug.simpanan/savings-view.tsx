import { Link } from '@remix-run/react';
import type { components } from '~/api/membership';
import { formatDateTime } from '~/utils/datetime';
import type { Lang } from '~/utils/i18n';
import { localeOf } from '~/utils/i18n';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';

/** Membership's answer for one member's savings (staff view and "my savings" are the same shape). */
export type MemberSavings = components['schemas']['MemberSavings'];
export type SavingsMovement = components['schemas']['SavingsMovement'];

/** "2026-03" → "Maret 2026". */
export function formatMonth(month: string | null, lang: Lang): string {
  if (!month) return '';
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(localeOf(lang), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    date,
  );
}

/** Balances per kind, the pokok, and the wajib arrears as of now. */
export function SavingsSummary({ savings }: { savings: MemberSavings }) {
  const { t, lang } = useI18n();
  const { balances, pokok, arrears } = savings;
  return (
    <>
      <dl className="facts" data-testid="savings-balances">
        <dt>{t('savings.kind.pokok')}</dt>
        <dd data-testid="balance-pokok">
          {formatRupiah(balances.pokok)}{' '}
          <span className="muted">
            {pokok.paid ? t('savings.pokokPaid') : t('savings.pokokDue', { amount: formatRupiah(pokok.due) })}
          </span>
        </dd>
        <dt>{t('savings.kind.wajib')}</dt>
        <dd data-testid="balance-wajib">{formatRupiah(balances.wajib)}</dd>
        <dt>{t('savings.kind.sukarela')}</dt>
        <dd data-testid="balance-sukarela">{formatRupiah(balances.sukarela)}</dd>
        <dt>{t('savings.total')}</dt>
        <dd>
          <strong data-testid="balance-total">{formatRupiah(balances.total)}</strong>
        </dd>
      </dl>
      <h3>{t('savings.arrears')}</h3>
      <dl className="facts" data-testid="savings-arrears">
        <dt>{t('savings.arrearsAmount')}</dt>
        <dd>
          <strong data-testid="arrears-amount">{formatRupiah(arrears.arrearsAmount)}</strong>
          {arrears.arrearsAmount === 0 ? <span className="muted"> {t('savings.arrearsNone')}</span> : null}
        </dd>
        <dt>{t('savings.monthsInArrears')}</dt>
        <dd>{t('savings.monthsCount', { count: arrears.monthsInArrears })}</dd>
        <dt>{t('savings.paidThrough')}</dt>
        <dd>{arrears.paidThrough ? formatMonth(arrears.paidThrough, lang) : t('savings.paidThroughNone')}</dd>
        {arrears.monthsInAdvance > 0 ? (
          <>
            <dt>{t('savings.monthsInAdvance')}</dt>
            <dd>{t('savings.monthsCount', { count: arrears.monthsInAdvance })}</dd>
          </>
        ) : null}
        {arrears.partial > 0 ? (
          <>
            <dt>{t('savings.partial')}</dt>
            <dd>{formatRupiah(arrears.partial)}</dd>
          </>
        ) : null}
        <dt>{t('savings.monthlyNow')}</dt>
        <dd>{formatRupiah(arrears.monthlyNow)}</dd>
        <dt>{t('savings.firstDue')}</dt>
        <dd>{formatMonth(arrears.firstDueMonth, lang)}</dd>
        <dt>{t('savings.joined')}</dt>
        <dd>{formatDateTime(savings.joinedAt, lang)}</dd>
      </dl>
      <p className="muted">{t('savings.asOf', { date: formatDateTime(arrears.asOf, lang) })}</p>
    </>
  );
}

function MovementWhat({ m }: { m: SavingsMovement }) {
  const { t, lang } = useI18n();
  return (
    <>
      {t(`savings.type.${m.type}`)}
      {m.kind ? ` · ${t(`savings.kind.${m.kind}`)}` : ''}
      {m.method ? ` · ${t(`savings.method.${m.method}`)}` : ''}
      {m.covers ? (
        <>
          <br />
          <span className="muted">
            {t('savings.covers', {
              from: formatMonth(m.covers.from, lang),
              to: formatMonth(m.covers.to, lang),
              months: m.covers.months,
            })}
          </span>
        </>
      ) : null}
      {m.receiptNumber ? (
        <>
          <br />
          <span className="muted">{t('savings.receipt', { number: m.receiptNumber })}</span>
        </>
      ) : null}
      {m.shu ? (
        <>
          <br />
          <span className="muted">{t('savings.shu', { year: m.shu.year })}</span>
        </>
      ) : null}
    </>
  );
}

/** The movements newest first; `olderTo` is the link to the next page (works without JavaScript). */
export function SavingsHistory({
  savings,
  olderTo,
  newestTo,
}: {
  savings: MemberSavings;
  olderTo: (before: number) => string;
  newestTo?: string;
}) {
  const { t, lang } = useI18n();
  const { items, nextBefore } = savings.history;
  return (
    <>
      <h3>{t('savings.history')}</h3>
      {items.length === 0 ? (
        <p>{t('savings.historyEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="savings-history">
            <caption className="visually-hidden">{t('savings.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('savings.col.date')}</th>
                <th scope="col">{t('savings.col.what')}</th>
                <th scope="col">{t('savings.col.amount')}</th>
                <th scope="col">{t('savings.col.balanceAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.movementId}>
                  <td>{formatDateTime(m.receivedAt, lang)}</td>
                  <th scope="row">
                    <MovementWhat m={m} />
                  </th>
                  <td className="amount">{formatRupiah(m.type === 'withdrawal' ? -m.amount : m.amount)}</td>
                  <td className="amount">{m.balanceAfter === null ? '—' : formatRupiah(m.balanceAfter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="actions">
        {nextBefore ? <Link to={olderTo(nextBefore)}>{t('savings.older')}</Link> : null}
        {newestTo ? <Link to={newestTo}>{t('savings.newest')}</Link> : null}
      </p>
    </>
  );
}
