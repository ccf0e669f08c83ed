import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ChartCard } from '@/components/ChartCard';
import { Explain } from '@/components/Explain';
import { FailureNotice } from '@/components/Notice';
import { PageHeading } from '@/components/PageHeading';
import { ChartSkeleton } from '@/components/Skeletons';
import { parseFilters, resolvePeriod, type Filters, type ResolvedPeriod, type SearchParams } from '@/lib/filters';
import { formatChange, formatValue } from '@/lib/format';
import { breakdowns, DIMENSION_LABELS, kpiDef, kpiInfo } from '@/lib/kpis';
import { loadBars, loadTile, loadTimeSeries } from '@/lib/loaders';
import type { Dimension, KpiDefinition } from '@/lib/metrics';
import { Breadcrumb } from './Breadcrumb';
import { Records } from './Records';

type Props = { params: Promise<{ name: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const def = kpiDef((await params).name);
  return { title: def?.title ?? 'KPI' };
}

/** One KPI: its value, over time, broken down one level further per click, and its records. */
export default async function KpiPage({ params, searchParams }: Props) {
  const [{ name }, sp] = await Promise.all([params, searchParams]);
  const def = kpiDef(name)!; // the layout answered 404 for an unknown name
  const f = parseFilters(sp);
  const p = resolvePeriod(f, Date.now());
  const levels = breakdowns(def, f);
  return (
    <>
      <Breadcrumb def={def} f={f} />
      <PageHeading title={def.title} f={f} p={p} live={[def.name]} />
      <Suspense fallback={<div className="card headline headline--skeleton" aria-hidden="true" />}>
        <Headline def={def} f={f} p={p} />
      </Suspense>
      <div className="charts">
        <Suspense fallback={<ChartSkeleton />}>
          <Trend def={def} f={f} p={p} />
        </Suspense>
        {levels.map((level) => (
          <Suspense key={level.dim} fallback={<ChartSkeleton />}>
            <Breakdown def={def} f={f} p={p} dim={level.dim} path={level.path} />
          </Suspense>
        ))}
      </div>
      <Suspense fallback={<ChartSkeleton height={420} />}>
        <Records def={def} f={f} p={p} sp={sp} />
      </Suspense>
    </>
  );
}

async function Headline({ def, f, p }: { def: KpiDefinition; f: Filters; p: ResolvedPeriod }) {
  const tile = await loadTile(def.name, f, p);
  if (tile.failure) return <FailureNotice failure={tile.failure} what={def.title} />;
  const change = formatChange(def.unit, tile.value, tile.previous, tile.info.lowerIsBetter);
  return (
    <section className="card headline" aria-label={`${def.title} in this period`}>
      <p className="headline__value">{formatValue(def.unit, tile.value)}</p>
      <p className={`tile__change tile__change--${change.tone}`}>
        {change.text ? `${change.text} vs the previous ${p.days} days (${formatValue(def.unit, tile.previous)})` : 'no previous period to compare with'}
      </p>
      <Explain info={tile.info} value={tile.value} numerator={tile.numerator} denominator={tile.denominator} ignored={tile.ignored} />
    </section>
  );
}

async function Trend({ def, f, p }: { def: KpiDefinition; f: Filters; p: ResolvedPeriod }) {
  return <ChartCard result={await loadTimeSeries(def.name, f, p)} info={kpiInfo(def)} />;
}

async function Breakdown({ def, f, p, dim, path }: { def: KpiDefinition; f: Filters; p: ResolvedPeriod; dim: Dimension; path: readonly Dimension[] }) {
  const result = await loadBars(def.name, f, p, dim);
  const next = path[path.indexOf(dim) + 1];
  const shown = result.ok ? result.spec.data.series[0]?.points.length ?? 0 : 0;
  const note = [
    result.total !== undefined && result.total > shown ? `Top ${shown} of ${result.total}.` : '',
    next ? `Select a bar to see its ${DIMENSION_LABELS[next].toLowerCase()}s.` : 'Select a bar to filter the records below.',
  ]
    .filter(Boolean)
    .join(' ');
  return <ChartCard result={result} info={kpiInfo(def)} note={note} />;
}
