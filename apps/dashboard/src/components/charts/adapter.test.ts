import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '@/lib/chart-data';
import { toEChartsOption, type Palette } from './adapter';

const palette: Palette = { text: '#000', muted: '#333', border: '#ccc', surface: '#fff', series: ['#00f'], heat: ['#eee', '#a00'] };
type Series = { type: string; data: unknown[]; connectNulls?: boolean };

describe('toEChartsOption', () => {
  it('keeps a gap a gap: null becomes a missing point and lines are not joined across it', () => {
    const spec: ChartSpec = {
      kind: 'timeseries',
      kpi: 'fill_rate',
      title: 'Fill rate over time',
      unit: 'ratio',
      grain: 'day',
      data: { series: [{ name: 'Fill rate', points: [{ x: '2026-11-01T00:00:00Z', y: 0.9 }, { x: '2026-11-02T00:00:00Z', y: null }, { x: '2026-11-03T00:00:00Z', y: 0 }] }] },
    };
    const series = (toEChartsOption(spec, palette, 'summary') as { series: Series[] }).series;
    expect(series[0]!.data).toEqual([0.9, '-', 0]);
    expect(series[0]!.connectNulls).toBe(false);
  });

  it('draws a Pareto as bars plus a cumulative line on a 0..1 axis', () => {
    const spec: ChartSpec = {
      kind: 'pareto',
      kpi: 'backorder_cost',
      title: 'Pareto',
      unit: 'currency',
      data: {
        series: [
          { name: 'Backorder cost', type: 'bar', points: [{ x: 'A', y: 30 }, { x: 'B', y: 10 }] },
          { name: 'Cumulative share', type: 'line', axis: 'share', points: [{ x: 'A', y: 0.75 }, { x: 'B', y: 1 }] },
        ],
      },
    };
    const option = toEChartsOption(spec, palette, 'summary') as { series: (Series & { yAxisIndex?: number })[]; yAxis: { max?: number }[] };
    expect(option.series.map((s) => s.type)).toEqual(['bar', 'line']);
    expect(option.series[1]!.yAxisIndex).toBe(1);
    expect(option.yAxis[1]!.max).toBe(1);
  });

  it('places heat-map cells by week and row, with gaps as missing', () => {
    const spec: ChartSpec = {
      kind: 'heatmap',
      kpi: 'backorder_rate',
      title: 'Heat',
      unit: 'ratio',
      grain: 'week',
      data: { series: [{ name: 'retail', points: [{ x: 'w1', y: 0.1 }, { x: 'w2', y: null }] }] },
    };
    const option = toEChartsOption(spec, palette, 'summary') as { series: Series[] };
    expect(option.series[0]!.data).toEqual([
      [0, 0, 0.1],
      [1, 0, '-'],
    ]);
  });
});
