import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AsyncChart } from '@/components/AsyncChart';
import { PageHeading } from '@/components/PageHeading';
import { RecordsPreview } from '@/components/RecordsPreview';
import { ChartSkeleton, TilesSkeleton } from '@/components/Skeletons';
import { TileGrid } from '@/components/TileGrid';
import { getMe } from '@/lib/api';
import { parseFilters, resolvePeriod, type SearchParams } from '@/lib/filters';
import { loadBars } from '@/lib/loaders';

export const metadata: Metadata = { title: 'Operations' };

const TILES = ['on_hand_units', 'below_reorder_point', 'open_backorder_units', 'backorder_age_days', 'stalled_orders', 'delayed_shipments', 'on_time_delivery_rate', 'stock_discrepancy_rate'];

export default async function OperationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const f = parseFilters(await searchParams);
  const p = resolvePeriod(f, Date.now());
  const { user } = await getMe();
  const can = (k: string) => user.kpis.includes(k);
  const preview = (node: React.ReactNode) => <Suspense fallback={<ChartSkeleton height={360} />}>{node}</Suspense>;
  return (
    <>
      <PageHeading title="Operations" lede="Stock, open backorders and orders or shipments that are stuck." f={f} p={p} live={TILES.filter(can)} />
      <Suspense fallback={<TilesSkeleton count={TILES.filter(can).length} />}>
        <TileGrid names={TILES} readable={user.kpis} f={f} p={p} />
      </Suspense>
      <div className="charts">
        {can('on_hand_units') ? <AsyncChart kpi="on_hand_units" load={() => loadBars('on_hand_units', f, p, 'category')} /> : null}
        {can('open_backorder_units') ? <AsyncChart kpi="open_backorder_units" load={() => loadBars('open_backorder_units', f, p, 'category')} /> : null}
        {can('stalled_orders') ? <AsyncChart kpi="stalled_orders" load={() => loadBars('stalled_orders', f, p, 'stage')} height={220} /> : null}
        {can('delayed_shipments') ? <AsyncChart kpi="delayed_shipments" load={() => loadBars('delayed_shipments', f, p, 'carrier')} height={220} /> : null}
      </div>
      <div className="previews">
        {can('below_reorder_point')
          ? preview(<RecordsPreview kpi="below_reorder_point" title="Lowest stock" f={f} p={p} sort="on_hand" columns={['sku', 'warehouse', 'category', 'on_hand', 'reorder_point']} />)
          : null}
        {can('open_backorder_units')
          ? preview(<RecordsPreview kpi="open_backorder_units" title="Oldest open backorders" f={f} p={p} sort="placed_at" columns={['placed_at', 'order_id', 'sku', 'customer_id', 'open_backorder']} ageFrom="placed_at" />)
          : null}
        {can('stalled_orders')
          ? preview(<RecordsPreview kpi="stalled_orders" title="Stalled orders" f={f} p={p} sort="stage_since" columns={['order_id', 'stage', 'stage_since', 'limit_hours', 'customer_id']} ageFrom="stage_since" />)
          : null}
        {can('delayed_shipments')
          ? preview(<RecordsPreview kpi="delayed_shipments" title="Delayed shipments" f={f} p={p} sort="promised_date" columns={['shipment_id', 'carrier', 'promised_date', 'latest_eta', 'latest_status']} />)
          : null}
      </div>
    </>
  );
}
