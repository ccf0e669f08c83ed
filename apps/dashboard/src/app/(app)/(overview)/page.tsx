import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ChartCard } from '@/components/ChartCard';
import { PageHeading } from '@/components/PageHeading';
import { ChartSkeleton, TilesSkeleton } from '@/components/Skeletons';
import { TileGrid } from '@/components/TileGrid';
import { getMe } from '@/lib/api';
import { parseFilters, resolvePeriod, type Filters, type ResolvedPeriod, type SearchParams } from '@/lib/filters';
import { kpiInfo } from '@/lib/kpis';
import { loadBars, loadHeatmap, loadTimeSeries, requireKpi } from '@/lib/loaders';
import { OVERVIEW_KPIS } from '@/lib/metrics';

export const metadata: Metadata = { title: 'Overview' };


export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const f = parseFilters(await searchParams);
  const p = resolvePeriod(f, Date.now());
  const me = await getMe();
  const readable = OVERVIEW_KPIS.filter((k) => me.user.kpis.includes(k));
  return (
    <>
      <PageHeading title="Overview" f={f} p={p} live={readable} />
      <Suspense fallback={<TilesSkeleton count={readable.length} />}>
        <TileGrid names={OVERVIEW_KPIS} readable={me.user.kpis} f={f} p={p} />
      </Suspense>
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

/** By category; with one category chosen in the filters, by that category's SKUs. */
async function BackorderByCategory({ f, p }: { f: Filters; p: ResolvedPeriod }) {
  const oneCategory = f.dims.category?.length === 1;
  const note = oneCategory ? 'Select a bar to open that SKU.' : "Select a bar to open that category's SKUs.";
  return <ChartCard result={await loadBars('backorder_rate', f, p, oneCategory ? 'sku' : 'category')} info={info()} note={note} />;
}

async function SegmentHeatmap({ f, p }: { f: Filters; p: ResolvedPeriod }) {
  return <ChartCard result={await loadHeatmap('backorder_rate', f, p, 'segment')} info={info()} height={300} />;
}
