import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { StatsChart } from '~/components/stats-chart';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { loadDashboard } from './dashboard.server';

/** Guarded on its own: Remix runs this loader in parallel with the shell's. */
export const loader = (args: LoaderFunctionArgs) => loadDashboard(args);

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

function TodayPanel({ stats }: { stats: PageData['stats'] }) {
  const { cooperative } = useStaff();
  const { t, label } = useI18n();
  if (stats.state === 'hidden') return null;
  if (stats.state === 'unavailable') return <p className="muted">{t('dash.statsUnavailable')}</p>;
  const { today, days } = stats.value;
  const methods = Object.entries(today.byPaymentMethod).sort((a, b) => b[1].revenue - a[1].revenue);
  return (
    <>
      <section aria-labelledby="today-title">
        <h2 id="today-title">{t('dash.today')}</h2>
        <dl className="stat-tiles" data-testid="today">
          <div>
            <dt>{t('dash.todayOrders')}</dt>
            <dd>{today.orders}</dd>
          </div>
          <div>
            <dt>{t('dash.todayRevenue')}</dt>
            <dd>{formatRupiah(today.revenue)}</dd>
          </div>
        </dl>
        {methods.length === 0 ? (
          <p className="muted">{t('dash.noOrdersToday')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption>{t('dash.byMethod')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dash.method')}</th>
                  <th scope="col">{t('dash.orders')}</th>
                  <th scope="col">{t('dash.revenue')}</th>
                </tr>
              </thead>
              <tbody>
                {methods.map(([method, m]) => (
                  <tr key={method}>
                    <th scope="row">{label('checkout.method', method)}</th>
                    <td>{m.orders}</td>
                    <td>{formatRupiah(m.revenue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="chart-section-title">
        <h2 id="chart-section-title">{t('dash.chartTitle')}</h2>
        <StatsChart days={days} />
        <p>
          <a href={`/kelola/${cooperative.slug}/ringkasan.csv`} className="button button-secondary" download>
            {t('dash.csv')}
          </a>
        </p>
      </section>
    </>
  );
}

function RestockPanel({ restock, threshold }: { restock: PageData['restock']; threshold: number }) {
  const { t } = useI18n();
  if (restock.state === 'hidden') return null;
  return (
    <section aria-labelledby="restock-title">
      <h2 id="restock-title">{t('dash.restock')}</h2>
      <p className="muted">{t('dash.restockHelp', { threshold })}</p>
      {restock.state === 'unavailable' ? (
        <p className="muted">{t('dash.stockUnavailable')}</p>
      ) : restock.value.length === 0 ? (
        <p>{t('dash.restockNone')}</p>
      ) : (
        <ul className="card-list" data-testid="restock">
          {restock.value.map((p) => (
            <li key={p.id} className="card">
              <strong>{p.name}</strong>
              <br />
              <span className="muted">{p.sku}</span>
              <br />
              {t('dash.available')}:{' '}
              <strong className={p.available === 0 ? 'warning' : undefined}>{p.available}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Ringkasan: the numbers of today and the last 30 days (who may see money), stock to refill, the sections. */
export default function StaffHome() {
  const { stats, restock, threshold } = useLoaderData<typeof loader>();
  const { cooperative, sections } = useStaff();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('staff.title', { market: cooperative.marketName })}</h1>
      <TodayPanel stats={stats} />
      <RestockPanel restock={restock} threshold={threshold} />
      <nav aria-labelledby="sections-title">
        <h2 id="sections-title">{t('dash.sections')}</h2>
        <ul className="card-list">
          {sections.map((section) => (
            <li key={section} className="card">
              <Link to={`/kelola/${cooperative.slug}/${section}`}>{t(`staff.section.${section}`)}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
