'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { ChartSpec } from '@/lib/chart-data';
import { toEChartsOption, type Palette } from './adapter';
import { echarts } from './echarts';

function readPalette(el: HTMLElement): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#16202b'),
    muted: v('--muted', '#46515e'),
    border: v('--border', '#d5dae1'),
    surface: v('--surface', '#ffffff'),
    series: [v('--chart-1', '#1b4d8c'), v('--chart-2', '#b04a00'), v('--chart-3', '#0f7b6c'), v('--chart-4', '#7a3e9d')],
    heat: [v('--heat-low', '#eef4fb'), v('--heat-high', '#8a1c1c')],
  };
}

/** Sets the option; a chart that cannot be drawn says so instead of staying blank. */
function paint(chart: ReturnType<typeof echarts.init>, el: HTMLElement, spec: ChartSpec, summary: string) {
  try {
    chart.setOption(toEChartsOption(spec, readPalette(el), summary), { notMerge: true });
    delete el.dataset.error;
  } catch (error) {
    el.dataset.error = error instanceof Error ? error.message : String(error);
    console.error('chart could not be drawn', spec.kpi, spec.kind, error);
  }
}

/**
 * Draws one chart into a box of fixed height (reserved by CSS before the script runs, so
 * nothing moves). A click on a bar or point follows its `href` (the next drill level);
 * the same links are in the data table beside the chart for keyboard users.
 */
export function Chart({ spec, summary, height = 280 }: { spec: ChartSpec; summary: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const latest = useRef({ spec, summary });
  latest.current = { spec, summary };
  const router = useRouter();

  // Created once; live refreshes only replace the option (no flicker, no re-init).
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chartRef.current = chart;
    const draw = () => paint(chart, el, latest.current.spec, latest.current.summary);
    draw();
    chart.on('click', (params: { seriesIndex?: number; dataIndex?: number }) => {
      const current = latest.current.spec;
      const series = current.kind === 'heatmap' ? undefined : current.data.series[params.seriesIndex ?? 0];
      const href = series?.points[params.dataIndex ?? -1]?.href;
      if (href) router.push(href);
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', draw);
    return () => {
      scheme.removeEventListener('change', draw);
      resize.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [router]);

  useEffect(() => {
    const el = box.current;
    if (el && chartRef.current) paint(chartRef.current, el, spec, summary);
  }, [spec, summary]);

  return <div ref={box} className="chart__canvas" style={{ height }} role="img" aria-label={summary} />;
}
