// The one adapter from the chart-data shape to ECharts options. Gaps stay gaps: a null
// `y` becomes ECharts' missing value ('-'), lines are not connected across it.
import type { ChartSpec } from '@/lib/chart-data';
import { formatBucket, formatValue } from '@/lib/format';
import type { EChartsCoreOption } from './echarts';

export interface Palette {
  text: string;
  muted: string;
  border: string;
  surface: string;
  series: string[];
  heat: [string, string];
}

const MISSING = '-';
/** The grid (left/right/top/bottom) is the outer box; axis labels are kept inside it. */
const CONTAIN_LABELS = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;
const y = (v: number | null) => (v === null ? MISSING : v);
const MAX_LABEL = 22;
/** A real font stack, not 'inherit': ECharts measures labels with it to lay them out. */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";
const shorten = (v: string) => (v.length > MAX_LABEL ? `${v.slice(0, MAX_LABEL - 1)}…` : v);
/** Room for category labels on a left axis (ECharts does not reserve it for category axes). */
const labelRoom = (labels: string[]) => 12 + 7 * Math.min(MAX_LABEL, Math.max(3, ...labels.map((l) => l.length)));

export function toEChartsOption(spec: ChartSpec, palette: Palette, summary: string): EChartsCoreOption {
  const fmt = (v: unknown) => (typeof v === 'number' ? formatValue(spec.unit, v) : '—');
  const fmtAxis = (v: unknown) => (typeof v === 'number' ? formatValue(spec.unit, v, { compact: true }) : '');
  const base = {
    animationDuration: 250,
    color: palette.series,
    textStyle: { color: palette.text, fontFamily: FONT },
    aria: { enabled: true, label: { description: summary } },
    tooltip: {
      confine: true,
      backgroundColor: palette.surface,
      borderColor: palette.border,
      textStyle: { color: palette.text },
    },
  };
  const axisCommon = {
    axisLine: { lineStyle: { color: palette.border } },
    axisLabel: { color: palette.muted, hideOverlap: true },
    splitLine: { lineStyle: { color: palette.border, opacity: 0.6 } },
  };

  if (spec.kind === 'timeseries') {
    const buckets = spec.data.series[0]?.points.map((p) => p.x) ?? [];
    const multi = spec.data.series.length > 1;
    return {
      ...base,
      grid: { left: 8, right: 16, top: multi ? 36 : 16, bottom: 8, ...CONTAIN_LABELS },
      legend: multi ? { top: 0, itemGap: 16, textStyle: { color: palette.text } } : undefined,
      tooltip: { ...base.tooltip, trigger: 'axis', valueFormatter: fmt },
      xAxis: { ...axisCommon, type: 'category', boundaryGap: false, data: buckets.map((b) => formatBucket(b, spec.grain ?? 'day')) },
      yAxis: { ...axisCommon, type: 'value', scale: spec.unit === 'nps' || spec.unit === 'score', axisLabel: { ...axisCommon.axisLabel, formatter: fmtAxis } },
      series: spec.data.series.map((s) => ({
        name: s.name,
        type: 'line',
        connectNulls: false,
        showSymbol: s.points.length <= 31,
        symbolSize: 5,
        data: s.points.map((p) => y(p.y)),
      })),
    };
  }

  if (spec.kind === 'heatmap') {
    const buckets = spec.data.series[0]?.points.map((p) => p.x) ?? [];
    const rows = spec.data.series.map((s) => s.name);
    const data = spec.data.series.flatMap((s, yi) => s.points.map((p, xi) => [xi, yi, y(p.y)]));
    const values = spec.data.series.flatMap((s) => s.points.map((p) => p.y)).filter((v): v is number => v !== null);
    return {
      ...base,
      grid: { left: labelRoom(rows), right: 16, top: 8, bottom: 56, ...CONTAIN_LABELS },
      tooltip: {
        ...base.tooltip,
        formatter: (params: { value: [number, number, number | string] }) => {
          const [xi, yi, v] = params.value;
          return `${rows[yi] ?? ''}, ${formatBucket(buckets[xi] ?? '', 'week')}: ${typeof v === 'number' ? fmt(v) : 'no data'}`;
        },
      },
      xAxis: { ...axisCommon, type: 'category', data: buckets.map((b) => formatBucket(b, 'week')), splitArea: { show: false } },
      yAxis: { ...axisCommon, type: 'category', data: rows, axisLabel: { ...axisCommon.axisLabel, formatter: shorten } },
      visualMap: {
        min: values.length ? Math.min(...values) : 0,
        max: values.length ? Math.max(...values) : 1,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        text: ['high', 'low'],
        textStyle: { color: palette.text },
        inRange: { color: palette.heat },
        formatter: fmt,
      },
      series: [{ name: spec.title, type: 'heatmap', data, label: { show: buckets.length * rows.length <= 40, formatter: (p: { value: [number, number, number | string] }) => (typeof p.value[2] === 'number' ? formatValue(spec.unit, p.value[2]) : ''), color: '#000', textBorderColor: '#fff', textBorderWidth: 2 }, emphasis: { itemStyle: { borderColor: palette.text, borderWidth: 1 } } }],
    };
  }

  const bars = spec.data.series.find((s) => s.type !== 'line') ?? spec.data.series[0];
  const categories = bars?.points.map((p) => p.x) ?? [];

  if (spec.kind === 'pareto') {
    const share = spec.data.series.find((s) => s.axis === 'share');
    return {
      ...base,
      grid: { left: 8, right: 8, top: 36, bottom: 8, ...CONTAIN_LABELS },
      legend: { top: 0, itemGap: 16, textStyle: { color: palette.text } },
      tooltip: {
        ...base.tooltip,
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: { seriesName: string; value: unknown; name: string; axisIndex?: number; seriesIndex: number }[]) =>
          [items[0]?.name ?? '', ...items.map((i) => `${i.seriesName}: ${i.seriesIndex === 1 ? formatValue('ratio', i.value as number) : fmt(i.value)}`)].join('<br/>'),
      },
      xAxis: { ...axisCommon, type: 'category', data: categories, axisLabel: { ...axisCommon.axisLabel, rotate: 45, hideOverlap: false, interval: 0, fontSize: 10 } },
      yAxis: [
        { ...axisCommon, type: 'value', axisLabel: { ...axisCommon.axisLabel, formatter: fmtAxis } },
        { ...axisCommon, type: 'value', min: 0, max: 1, splitLine: { show: false }, axisLabel: { ...axisCommon.axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` } },
      ],
      series: [
        { name: bars?.name ?? spec.title, type: 'bar', data: bars?.points.map((p) => y(p.y)) ?? [], cursor: 'pointer' },
        ...(share ? [{ name: share.name, type: 'line', yAxisIndex: 1, data: share.points.map((p) => y(p.y)), symbolSize: 4, connectNulls: false }] : []),
      ],
    };
  }

  // Horizontal bars, largest on top: long labels stay readable on a phone.
  return {
    ...base,
    grid: { left: labelRoom(categories), right: 24, top: 8, bottom: 8, ...CONTAIN_LABELS },
    tooltip: { ...base.tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt },
    xAxis: { ...axisCommon, type: 'value', axisLabel: { ...axisCommon.axisLabel, formatter: fmtAxis } },
    yAxis: { ...axisCommon, type: 'category', inverse: true, data: categories, axisLabel: { ...axisCommon.axisLabel, formatter: shorten } },
    series: [{ name: bars?.name ?? spec.title, type: 'bar', data: bars?.points.map((p) => y(p.y)) ?? [], cursor: 'pointer', barMaxWidth: 22 }],
  };
}
