import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AsyncChart } from '@/components/AsyncChart';
import { PageHeading } from '@/components/PageHeading';
import { RecordsPreview } from '@/components/RecordsPreview';
import { ChartSkeleton, TilesSkeleton } from '@/components/Skeletons';
import { TileGrid } from '@/components/TileGrid';
import { getMe } from '@/lib/api';
import { parseFilters, resolvePeriod, type SearchParams } from '@/lib/filters';
import { loadBars, loadHeatmap, loadTimeSeries } from '@/lib/loaders';

export const metadata: Metadata = { title: 'Marketing' };

const TILES = ['nps', 'sentiment', 'negative_feedback_share', 'retention_rate', 'backorder_rate', 'cancellation_rate'];

export default async function MarketingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const f = parseFilters(await searchParams);
  const p = resolvePeriod(f, Date.now());
  const { user } = await getMe();
  const can = (k: string) => user.kpis.includes(k);
  return (
    <>
      <PageHeading title="Marketing" lede="How customers feel, with and without backorders, and whether they come back." f={f} p={p} live={TILES.filter(can)} />
      <Suspense fallback={<TilesSkeleton count={TILES.filter(can).length} />}>
        <TileGrid names={TILES} readable={user.kpis} f={f} p={p} />
      </Suspense>
      <div className="charts">
        {can('nps') ? (
          <>
            <AsyncChart kpi="nps" load={() => loadBars('nps', f, p, 'had_backorder', { title: 'NPS of customers with and without a backorder' })} height={200} note="A backorder in the 90 days before the feedback." />
            <AsyncChart kpi="nps" load={() => loadTimeSeries('nps', f, p, { by: 'had_backorder', title: 'NPS over time, with and without a backorder' })} />
          </>
        ) : null}
        {can('sentiment') ? <AsyncChart kpi="sentiment" load={() => loadBars('sentiment', f, p, 'had_backorder', { title: 'Sentiment of customers with and without a backorder' })} height={200} /> : null}
        {can('retention_rate') ? <AsyncChart kpi="retention_rate" load={() => loadTimeSeries('retention_rate', f, p, { grain: 'week', title: 'Retention by week' })} /> : null}
        {can('backorder_rate') ? <AsyncChart kpi="backorder_rate" load={() => loadHeatmap('backorder_rate', f, p, 'segment')} height={300} /> : null}
      </div>
      {can('nps') ? (
        <Suspense fallback={<ChartSkeleton height={360} />}>
          <RecordsPreview
            kpi="nps"
            title="Most negative feedback"
            f={f}
            p={p}
            sort="sentiment"
            columns={['submitted_at', 'customer_id', 'segment', 'had_backorder', 'nps', 'sentiment', 'text']}
          />
        </Suspense>
      ) : null}
    </>
  );
}
