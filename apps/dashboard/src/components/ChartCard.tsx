import Link from 'next/link';
import { describeChart, type ChartSpec } from '@/lib/chart-data';
import { formatBucket, formatValue } from '@/lib/format';
import type { KpiInfo } from '@/lib/kpis';
import type { ChartResult } from '@/lib/loaders';
import { Chart } from './charts/Chart';
import { Explain } from './Explain';
import { FailureNotice } from './Notice';

/**
 * A chart with its KPI named, "explain this number", a text summary for screen readers and
 * the data as a table (with the drill-down links, so every bar can be opened by keyboard).
 */
export function ChartCard({ result, info, height = 280, note }: { result: ChartResult; info: KpiInfo; height?: number; note?: string }) {
  const title = result.ok ? result.spec.title : result.title;
  const id = `chart-${info.name}-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="card chart" aria-labelledby={id}>
      <header className="chart__head">
        <h3 id={id}>{title}</h3>
        <span className="chart__kpi">
          KPI: <code>{info.name}</code>
        </span>
      </header>
      {result.ok ? (
        <ChartBody spec={result.spec} height={height} />
      ) : (
        <div className="chart__canvas chart__canvas--empty" style={{ height }}>
          <FailureNotice failure={result.failure} what={info.title} />
        </div>
      )}
      {note ? <p className="chart__note muted">{note}</p> : null}
      <Explain info={info} />
    </section>
  );
}

function ChartBody({ spec, height }: { spec: ChartSpec; height: number }) {
  const fmt = (v: number | null) => formatValue(spec.unit, v);
  const summary = describeChart(spec, fmt);
  const empty = spec.data.series.every((s) => s.points.every((p) => p.y === null));
  return (
    <>
      {empty ? (
        <div className="chart__canvas chart__canvas--empty" style={{ height }}>
          <p className="muted">No data for these filters in this period.</p>
        </div>
      ) : (
        <Chart spec={spec} summary={summary} height={height} />
      )}
      <details className="chart__data">
        <summary>Show data{spec.kind === 'bars' || spec.kind === 'pareto' ? ' and drill-down links' : ''}</summary>
        <div className="table-scroll">
          <DataTable spec={spec} fmt={fmt} />
        </div>
      </details>
    </>
  );
}

function DataTable({ spec, fmt }: { spec: ChartSpec; fmt: (v: number | null) => string }) {
  const label = (x: string) => (spec.kind === 'timeseries' || spec.kind === 'heatmap' ? formatBucket(x, spec.grain ?? (spec.kind === 'heatmap' ? 'week' : 'day')) : x);
  const first = spec.data.series[0];
  if (!first) return null;
  return (
    <table className="data-table">
      <caption className="sr-only">{spec.title}</caption>
      <thead>
        <tr>
          <th scope="col">{spec.kind === 'heatmap' ? 'Week' : spec.kind === 'timeseries' ? 'Period' : (spec.xName ?? 'Item')}</th>
          {spec.data.series.map((s) => (
            <th scope="col" key={s.name}>
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {first.points.map((p, i) => (
          <tr key={p.x}>
            <th scope="row">{p.href ? <Link href={p.href}>{label(p.x)}</Link> : label(p.x)}</th>
            {spec.data.series.map((s) => {
              const v = s.points[i]?.y ?? null;
              return <td key={s.name}>{s.axis === 'share' ? formatValue('ratio', v) : fmt(v)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
