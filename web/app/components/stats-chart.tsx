import { CHART, type ChartDay, chartGeometry } from '~/utils/chart';
import { formatDay } from '~/utils/datetime';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';

/**
 * Orders (bars) and revenue (line) of the last 30 days: server-rendered SVG, no JavaScript, scaled to
 * the screen's width. Named by <title>/<desc>; every number is also in the table below it, which is
 * what screen readers and small screens rely on.
 */
export function StatsChart({ days }: { days: readonly ChartDay[] }) {
  const { t, lang } = useI18n();
  const g = chartGeometry(days);
  const baseline = CHART.height - CHART.padBottom;
  return (
    <figure className="chart-figure">
      <svg
        className="chart"
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-labelledby="chart-title chart-desc"
      >
        <title id="chart-title">{t('dash.chartTitle')}</title>
        <desc id="chart-desc">
          {t('dash.chartDesc', { maxOrders: g.maxOrders, maxRevenue: formatRupiah(g.maxRevenue) })}
        </desc>
        <line
          className="axis"
          x1={CHART.padLeft}
          x2={CHART.width - CHART.padRight}
          y1={baseline}
          y2={baseline}
        />
        {g.bars.map((b) => (
          <rect key={b.date} className="bar" x={b.x} y={b.y} width={b.width} height={b.height}>
            <title>{`${formatDay(b.date, lang)}: ${b.orders}`}</title>
          </rect>
        ))}
        {days.length > 1 ? <polyline className="line" points={g.revenueLine} /> : null}
        {g.labels.map((l) => (
          <text key={l.x} x={l.x} y={CHART.height - 8} textAnchor="middle">
            {l.text}
          </text>
        ))}
      </svg>
      <details>
        <summary>{t('dash.chartTable')}</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('dash.chartTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dash.date')}</th>
                <th scope="col">{t('dash.orders')}</th>
                <th scope="col">{t('dash.revenue')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{formatDay(d.date, lang)}</th>
                  <td>{d.orders}</td>
                  <td>{formatRupiah(d.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
