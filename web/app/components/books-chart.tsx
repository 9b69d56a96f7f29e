import { BOOKS_CHART, booksChartGeometry, compactRupiah } from '~/utils/books-chart';
import { localeOf } from '~/utils/i18n';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';

export interface ChartSeries {
  label: string;
  values: readonly number[];
}

/**
 * Rupiah per group (month, cooperative): bars for `bars`, a line for `line`, server-rendered SVG with
 * no JavaScript, scaled to the screen. Named by <title>/<desc> and a legend; every number is also in the
 * table under it (what screen readers and small screens rely on), as in StatsChart.
 */
export function BooksChart({
  id,
  title,
  desc,
  groups,
  groupHeader,
  bars,
  line,
  tableCaption,
  axisLabels = true,
}: {
  id: string;
  title: string;
  desc: string;
  /** The groups' labels: the axis shows `short`, the table `long`. */
  groups: readonly { short: string; long: string }[];
  groupHeader: string;
  bars: readonly ChartSeries[];
  line?: ChartSeries;
  tableCaption: string;
  /** false when the groups are too many to name under the axis (the table names them). */
  axisLabels?: boolean;
}) {
  const { t, lang } = useI18n();
  const g = booksChartGeometry({
    groups: groups.map((x) => x.short),
    bars: bars.map((s) => s.values),
    line: line?.values,
  });
  const all = line ? [...bars, line] : bars;
  return (
    <figure className="chart-figure books-chart">
      <svg
        className="chart"
        viewBox={`0 0 ${BOOKS_CHART.width} ${BOOKS_CHART.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {g.ticks.map((tick) => (
          <g key={tick.value}>
            <line
              className={tick.value === 0 ? 'axis' : 'grid'}
              x1={BOOKS_CHART.padLeft}
              x2={BOOKS_CHART.width - BOOKS_CHART.padRight}
              y1={tick.y}
              y2={tick.y}
            />
            <text x={BOOKS_CHART.padLeft - 4} y={tick.y + 3} textAnchor="end">
              {compactRupiah(tick.value, localeOf(lang))}
            </text>
          </g>
        ))}
        {g.groups.map((group, i) =>
          group.bars.map((b) => (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: groups are positions on the axis (labels may repeat).
              key={`${i}-${b.series}`}
              className={`bar series-${b.series}`}
              x={b.x}
              y={b.y}
              width={b.width}
              height={b.height}
            >
              <title>{`${groups[i]?.long ?? group.label} · ${bars[b.series]?.label}: ${formatRupiah(b.value)}`}</title>
            </rect>
          )),
        )}
        {g.line && groups.length > 1 ? <polyline className="line" points={g.line} /> : null}
        {(axisLabels ? g.groups : []).map((group, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: groups are positions on the axis (labels may repeat).
          <text key={i} x={group.x} y={BOOKS_CHART.height - 10} textAnchor="middle">
            {group.label}
          </text>
        ))}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {bars.map((s, i) => (
            <li key={s.label}>
              <span className={`swatch series-${i}`} aria-hidden="true" /> {s.label}
            </li>
          ))}
          {line ? (
            <li>
              <span className="swatch swatch-line" aria-hidden="true" /> {line.label}
            </li>
          ) : null}
        </ul>
      </figcaption>
      <details>
        <summary>{t('books.chart.table')}</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{groupHeader}</th>
                {all.map((s) => (
                  <th key={s.label} scope="col" className="amount">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((group, i) => (
                <tr key={group.long}>
                  <th scope="row">{group.long}</th>
                  {all.map((s) => (
                    <td key={s.label} className="amount">
                      {formatRupiah(s.values[i] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
