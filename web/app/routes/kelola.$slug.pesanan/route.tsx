import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formatDateTime, formatDay } from '~/utils/datetime';
import { orderNumber } from '~/utils/fulfilment';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { loadQueue } from './queue.server';
import { useLiveQueue } from './use-live-queue';

export const loader = (args: LoaderFunctionArgs) => loadQueue(args);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'staff.queue.title') }];

type Column = ReturnType<typeof useLoaderData<typeof loader>>['columns'][number];

function QueueColumn({ column, base }: { column: Column; base: string }) {
  const { t, lang, label } = useI18n();
  const title = t(`staff.queue.column.${column.key}`);
  const hidden = column.count - column.orders.length;
  return (
    <section
      id={`kolom-${column.key}`}
      className={`queue-column queue-${column.key}`}
      aria-labelledby={`kolom-${column.key}-title`}
      data-testid="queue-column"
    >
      <h2 id={`kolom-${column.key}-title`}>
        {title} <span className="count-badge">{column.count}</span>
      </h2>
      {column.orders.length === 0 ? (
        <p className="muted">{t('staff.queue.empty')}</p>
      ) : (
        <ol className="queue-orders">
          {column.orders.map((o) => (
            <li key={o.id} className="queue-card" data-testid="queue-order">
              <Link to={`${base}/${o.id}`} className="queue-card-link">
                <strong>{orderNumber(o)}</strong>
              </Link>
              <span>{o.customer}</span>
              <span className="muted">
                {formatDateTime(o.createdAt, lang)} ·{' '}
                {t(o.fulfilment === 'delivery' ? 'staff.orders.delivery' : 'staff.orders.pickup')}
              </span>
              <span>
                {formatRupiah(o.total)}
                {o.itemCount !== null ? (
                  <span className="muted"> · {t('staff.queue.items', { count: o.itemCount })}</span>
                ) : null}
              </span>
              {column.key === 'problems' ? <span className="muted">{label('status', o.status)}</span> : null}
            </li>
          ))}
        </ol>
      )}
      {hidden > 0 ? <p className="muted">{t('staff.queue.more', { count: hidden })}</p> : null}
    </section>
  );
}

/**
 * The order queue: six columns (new, to pack, ready for pickup, out for delivery, completed, problems)
 * with a count each. On a phone they stack, with a row of jump links (the counts) at the top; from
 * 64 rem they sit side by side. Updated live through the events resource route; without JavaScript the
 * page reloads itself every 30 s.
 */
export default function QueuePage() {
  const { day, today, fulfilment, columns } = useLoaderData<typeof loader>();
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  const base = `/kelola/${cooperative.slug}/pesanan`;
  const live = useLiveQueue(`${base}/events`);
  // Say "Antrean diperbarui" when the counts change under the person's eyes (not on the first render).
  const counts = columns.map((c) => c.count).join(',');
  const seen = useRef(counts);
  const [updated, setUpdated] = useState(false);
  useEffect(() => {
    if (seen.current === counts) return;
    seen.current = counts;
    setUpdated(true);
  }, [counts]);
  return (
    <>
      <noscript>
        <meta httpEquiv="refresh" content="30" />
      </noscript>
      <h1>{t('staff.queue.title')}</h1>
      <Form method="get" className="filters-inline">
        <div className="field">
          <label htmlFor="queue-day">{t('staff.queue.day')}</label>
          <input id="queue-day" type="date" name="day" defaultValue={day} max={today} />
        </div>
        <div className="field">
          <label htmlFor="queue-fulfilment">{t('staff.queue.fulfilment')}</label>
          <select id="queue-fulfilment" name="fulfilment" defaultValue={fulfilment}>
            <option value="">{t('staff.queue.allFulfilment')}</option>
            <option value="pickup">{t('staff.orders.pickup')}</option>
            <option value="delivery">{t('staff.orders.delivery')}</option>
          </select>
        </div>
        <button type="submit">{t('staff.queue.filter')}</button>
      </Form>
      <p className="muted">
        {formatDay(day, lang)} ·{' '}
        <span aria-live="polite">
          {live === 'live' ? t(updated ? 'staff.queue.updated' : 'staff.queue.live') : null}
          {live === 'offline' ? t('staff.queue.offline') : null}
        </span>{' '}
        <a href={`${base}?day=${day}${fulfilment ? `&fulfilment=${fulfilment}` : ''}`}>
          {t('staff.queue.reload')}
        </a>
      </p>
      <nav aria-label={t('staff.queue.columns')} className="queue-tabs">
        <ul>
          {columns.map((c) => (
            <li key={c.key}>
              <a href={`#kolom-${c.key}`} className="queue-tab">
                {t('staff.queue.columnCount', { column: t(`staff.queue.column.${c.key}`), count: c.count })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="queue-board">
        {columns.map((column) => (
          <QueueColumn key={column.key} column={column} base={base} />
        ))}
      </div>
      <p>
        <Link to={`${base}/semua`}>{t('staff.queue.allOrders')}</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
