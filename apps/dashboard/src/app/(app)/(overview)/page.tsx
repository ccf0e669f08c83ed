import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ChartCard } from '@/components/ChartCard';
import { KpiTile } from '@/components/KpiTile';
import { PageHeading } from '@/components/PageHeading';
import { ChartSkeleton } from '@/components/Skeletons';
import { getMe } from '@/lib/api';
import { parseFilters, resolvePeriod, type Filters, type ResolvedPeriod, type SearchParams } from '@/lib/filters';
import { kpiInfo } from '@/lib/kpis';
import { loadBars, loadHeatmap, loadTile, loadTimeSeries, requireKpi } from '@/lib/loaders';
import { OVERVIEW_KPIS } from '@/lib/metrics';

export const metadata: Metadata = { title: 'Overview' };


export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const f = parseFilters(await searchParams);
  const p = resolvePeriod(f, Date.now());
  const me = await getMe();
  const readable = OVERVIEW_KPIS.filter((k) => me.user.kpis.includes(k));
  const tiles = await Promise.all(readable.map((k) => loadTile(k, f, p)));
  const hidden = OVERVIEW_KPIS.length - readable.length;
  return (
    <>
      <PageHeading title="Overview" f={f} p={p} live={readable} />
      <section aria-label="Key figures">
        <div className="tiles">
          {tiles.map((t) => (
            <KpiTile key={t.info.name} tile={t} periodLabel={p.label} />
          ))}
        </div>
        {hidden > 0 ? <p className="muted">{hidden} of the overview&apos;s KPIs are not shown: your roles cannot read them.</p> : null}
      </section>
      {me.user.kpis.includes('backorder_rate') ? (
        <div className="charts">
          <Suspense fallback={<ChartSkeleton />}>
            <BackorderTrend f={f} p={p} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton />}>
            <BackorderByCategory f={f} p={p} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton height={300} />}>
            <SegmentHeatmap f={f} p={p} />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}

const info = () => kpiInfo(requireKpi('backorder_rate'));

async function BackorderTrend({ f, p }: { f: Filters; p: ResolvedPeriod }) {
  return <ChartCard result={await loadTimeSeries('backorder_rate', f, p)} info={info()} />;
}

async function BackorderByCategory({ f, p }: { f: Filters; p: ResolvedPeriod }) {
  return <ChartCard result={await loadBars('backorder_rate', f, p, 'category')} info={info()} note="Select a bar to open that category's SKUs." />;
}

async function SegmentHeatmap({ f, p }: { f: Filters; p: ResolvedPeriod }) {
  return <ChartCard result={await loadHeatmap('backorder_rate', f, p, 'segment')} info={info()} height={300} />;
}
