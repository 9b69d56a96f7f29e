/**
 * The books' charts (income and expenses per month, sales per cooperative…): grouped bars for some
 * series and a line for another, all in rupiah on one scale. Computed apart from the SVG, like
 * utils/chart.ts, so the geometry is checked without rendering; units are the viewBox's own.
 * Values may be negative (a month with more expenses than income has a negative SHU): the bars then
 * hang below the zero line.
 */
export const BOOKS_CHART = {
  width: 640,
  height: 240,
  padLeft: 64,
  padRight: 8,
  padTop: 12,
  padBottom: 28,
} as const;

export interface ChartInput {
  /** One label per group (a month, a cooperative). */
  groups: readonly string[];
  /** Each bar series: one value per group. */
  bars: readonly (readonly number[])[];
  /** An optional line series, one value per group. */
  line?: readonly number[];
}

export interface Bar {
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface BooksChartGeometry {
  min: number;
  max: number;
  /** The y of the zero line. */
  zeroY: number;
  groups: { label: string; x: number; bars: Bar[] }[];
  /** "x,y x,y …" for <polyline points>, or null without a line series. */
  line: string | null;
  /** Gridlines with their value: zero, and the top (and bottom, when values go below zero). */
  ticks: { y: number; value: number }[];
}

/** The widest a bar gets (viewBox units). */
export const MAX_BAR = 40;

const round = (n: number) => Math.round(n * 10) / 10;

export function booksChartGeometry(input: ChartInput): BooksChartGeometry {
  const { width, height, padLeft, padRight, padTop, padBottom } = BOOKS_CHART;
  const plotWidth = width - padLeft - padRight;
  const plotHeight = height - padTop - padBottom;
  const values = [...input.bars.flat(), ...(input.line ?? [])];
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min;
  const yOf = (v: number) => (span > 0 ? padTop + ((max - v) / span) * plotHeight : padTop + plotHeight);
  const zeroY = round(yOf(0));
  const n = input.groups.length;
  const slot = n > 0 ? plotWidth / n : plotWidth;
  const seriesCount = Math.max(1, input.bars.length);
  // A few groups would make slabs: a bar is never wider than MAX_BAR, and the group is centred.
  const barWidth = Math.min((slot * 0.8) / seriesCount, MAX_BAR);
  const groups = input.groups.map((label, i) => {
    const left = padLeft + i * slot + (slot - barWidth * seriesCount) / 2;
    const bars = input.bars.map((series, s) => {
      const value = series[i] ?? 0;
      const top = yOf(Math.max(value, 0));
      const bottom = yOf(Math.min(value, 0));
      return {
        series: s,
        x: round(left + s * barWidth),
        y: round(top),
        width: round(barWidth * 0.9),
        height: round(bottom - top),
        value,
      };
    });
    return { label, x: round(padLeft + i * slot + slot / 2), bars };
  });
  const line =
    input.line && n > 0
      ? input.line
          .slice(0, n)
          .map((v, i) => `${round(padLeft + i * slot + slot / 2)},${round(yOf(v))}`)
          .join(' ')
      : null;
  const ticks = [{ y: zeroY, value: 0 }];
  if (max > 0) ticks.push({ y: round(yOf(max)), value: max });
  if (min < 0) ticks.push({ y: round(yOf(min)), value: min });
  return { min, max, zeroY, groups, line, ticks };
}

/** A tick's amount, short enough for the axis: "Rp 1,5 jt", "-Rp 250 rb" (id) / "Rp 1.5m" (en). */
export function compactRupiah(amount: number, locale: string): string {
  const text = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(
    Math.abs(amount),
  );
  return `${amount < 0 ? '-' : ''}Rp\u00a0${text}`;
}
