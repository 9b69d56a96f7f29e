import { describe, expect, it } from 'vitest';
import { BOOKS_CHART, booksChartGeometry, compactRupiah, MAX_BAR } from './books-chart';

const { height, padBottom, padTop, padLeft, width, padRight } = BOOKS_CHART;
const baseline = height - padBottom;

describe('booksChartGeometry', () => {
  it('draws each group of bars from the zero line, the tallest reaching the top', () => {
    const g = booksChartGeometry({
      groups: ['Jan', 'Feb'],
      bars: [
        [1_000_000, 500_000],
        [250_000, 0],
      ],
    });
    expect(g.max).toBe(1_000_000);
    expect(g.zeroY).toBe(baseline);
    const [jan, feb] = g.groups;
    expect(jan?.bars[0]).toMatchObject({ y: padTop, height: baseline - padTop, value: 1_000_000 });
    expect(jan?.bars[1]?.height).toBeCloseTo((baseline - padTop) / 4, 0);
    expect(feb?.bars[1]).toMatchObject({ height: 0, y: baseline });
    // Side by side within the group, inside the plot.
    expect(jan?.bars[1]?.x).toBeGreaterThan(jan?.bars[0]?.x ?? 0);
    expect(jan?.bars[0]?.x).toBeGreaterThanOrEqual(padLeft);
    const last = feb?.bars[1];
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual(width - padRight);
    expect(g.line).toBeNull();
    expect(g.ticks).toEqual([
      { y: baseline, value: 0 },
      { y: padTop, value: 1_000_000 },
    ]);
  });

  it('puts the line on the same rupiah scale as the bars', () => {
    const g = booksChartGeometry({ groups: ['A', 'B'], bars: [[400, 200]], line: [200, 400] });
    const points = (g.line ?? '').split(' ').map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(2);
    expect(points[1]?.[1]).toBe(padTop);
    expect(points[0]?.[1]).toBe(g.groups[1]?.bars[0]?.y);
    expect(points[0]?.[0]).toBe(g.groups[0]?.x);
  });

  it('hangs a negative value below the zero line', () => {
    const g = booksChartGeometry({ groups: ['Jan', 'Feb'], bars: [[300, -100]] });
    expect(g.min).toBe(-100);
    expect(g.zeroY).toBeGreaterThan(padTop);
    expect(g.zeroY).toBeLessThan(baseline);
    const neg = g.groups[1]?.bars[0];
    expect(neg?.y).toBe(g.zeroY);
    expect((neg?.y ?? 0) + (neg?.height ?? 0)).toBeCloseTo(baseline, 0);
    expect(g.ticks.map((t) => t.value)).toEqual([0, 300, -100]);
  });

  it('keeps bars narrow and centred when there are few groups', () => {
    const g = booksChartGeometry({ groups: ['karangbesuki'], bars: [[100], [50]] });
    const [a, b] = g.groups[0]?.bars ?? [];
    expect(a?.width).toBeLessThanOrEqual(MAX_BAR);
    const middle = (padLeft + width - padRight) / 2;
    expect(((a?.x ?? 0) + (b?.x ?? 0) + (b?.width ?? 0)) / 2).toBeCloseTo(middle, -1);
  });

  it('draws nothing tall for an empty year and copes with no groups at all', () => {
    const zero = booksChartGeometry({ groups: ['Jan'], bars: [[0], [0]], line: [0] });
    expect(zero.groups[0]?.bars.every((b) => b.height === 0 && b.y === baseline)).toBe(true);
    expect(zero.ticks).toEqual([{ y: baseline, value: 0 }]);
    const none = booksChartGeometry({ groups: [], bars: [], line: [] });
    expect(none.groups).toEqual([]);
    expect(none.line).toBeNull();
  });
});

describe('compactRupiah', () => {
  it('shortens big amounts for the axis', () => {
    const plain = (s: string) => s.replace(/\s/g, ' ');
    expect(plain(compactRupiah(1_500_000, 'id-ID'))).toBe('Rp 1,5 jt');
    expect(plain(compactRupiah(250_000, 'id-ID'))).toBe('Rp 250 rb');
    expect(plain(compactRupiah(1_500_000, 'en-GB'))).toBe('Rp 1.5m');
    expect(plain(compactRupiah(0, 'id-ID'))).toBe('Rp 0');
    expect(plain(compactRupiah(-350_000, 'id-ID'))).toBe('-Rp 350 rb');
  });
});
