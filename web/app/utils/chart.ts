/**
 * The 30-day chart's geometry (bars for orders, a line for revenue), computed apart from the SVG so it
 * can be checked without rendering. Units are the SVG's own (viewBox), so the chart scales to any width.
 */
export interface ChartDay {
  date: string;
  orders: number;
  revenue: number;
}

export const CHART = { width: 600, height: 200, padLeft: 8, padRight: 8, padTop: 12, padBottom: 24 } as const;

export interface ChartGeometry {
  maxOrders: number;
  maxRevenue: number;
  bars: { date: string; x: number; y: number; width: number; height: number; orders: number }[];
  /** "x,y x,y …" for <polyline points>. */
  revenueLine: string;
  /** Every 7th day labelled on the axis (day of month). */
  labels: { x: number; text: string }[];
}

export function chartGeometry(days: readonly ChartDay[]): ChartGeometry {
  const plotWidth = CHART.width - CHART.padLeft - CHART.padRight;
  const plotHeight = CHART.height - CHART.padTop - CHART.padBottom;
  const baseline = CHART.padTop + plotHeight;
  const maxOrders = Math.max(0, ...days.map((d) => d.orders));
  const maxRevenue = Math.max(0, ...days.map((d) => d.revenue));
  const slot = days.length > 0 ? plotWidth / days.length : plotWidth;
  const round = (n: number) => Math.round(n * 10) / 10;
  const bars = days.map((d, i) => {
    const height = maxOrders > 0 ? (d.orders / maxOrders) * plotHeight : 0;
    return {
      date: d.date,
      x: round(CHART.padLeft + i * slot + slot * 0.15),
      y: round(baseline - height),
      width: round(slot * 0.7),
      height: round(height),
      orders: d.orders,
    };
  });
  const revenueLine = days
    .map((d, i) => {
      const x = CHART.padLeft + i * slot + slot / 2;
      const y = baseline - (maxRevenue > 0 ? (d.revenue / maxRevenue) * plotHeight : 0);
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
  const labels = days
    .map((d, i) => ({ i, d }))
    .filter(({ i }) => i % 7 === 0 || i === days.length - 1)
    .map(({ i, d }) => ({
      x: round(CHART.padLeft + i * slot + slot / 2),
      text: String(Number(d.date.slice(8, 10))),
    }));
  return { maxOrders, maxRevenue, bars, revenueLine, labels };
}

/** The 30 days as CSV (RFC 4180; a header row in the reader's language; whole rupiah). */
export function statsCsv(days: readonly ChartDay[], header: readonly [string, string, string]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = [header.map(quote).join(','), ...days.map((d) => `${d.date},${d.orders},${d.revenue}`)];
  return `${rows.join('\r\n')}\r\n`;
}
