import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AsyncChart } from '@/components/AsyncChart';
import { PageHeading } from '@/components/PageHeading';
import { TilesSkeleton } from '@/components/Skeletons';
import { TileGrid } from '@/components/TileGrid';
import { getMe } from '@/lib/api';
import { parseFilters, resolvePeriod, type SearchParams } from '@/lib/filters';
import { loadBars, loadTimeSeries } from '@/lib/loaders';

export const metadata: Metadata = { title: 'Finance' };

const TILES = ['backorder_cost', 'lost_sales', 'lost_margin', 'expedite_cost', 'inventory_value', 'inventory_turnover', 'days_of_inventory', 'stock_to_sales'];

export default async function FinancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const f = parseFilters(await searchParams);
  const p = resolvePeriod(f, Date.now());
  const { user } = await getMe();
  const can = (k: string) => user.kpis.includes(k);
  return (
    <>
      <PageHeading title="Finance" lede="What backorders cost, and what the stock is worth." f={f} p={p} live={TILES.filter(can)} />
      <Suspense fallback={<TilesSkeleton count={TILES.filter(can).length} />}>
        <TileGrid names={TILES} readable={user.kpis} f={f} p={p} />
      </Suspense>
      <div className="charts">
        {can('backorder_cost') ? (
          <>
            <AsyncChart kpi="backorder_cost" load={() => loadBars('backorder_cost', f, p, 'sku', { pareto: true, top: 25 })} height={340} note="SKUs by backorder cost, largest first, with the cumulative share of the total. Select a bar to open that SKU." />
            <AsyncChart kpi="backorder_cost" load={() => loadTimeSeries('backorder_cost', f, p)} />
          </>
        ) : null}
        {can('lost_sales') ? <AsyncChart kpi="lost_sales" load={() => loadBars('lost_sales', f, p, 'category')} /> : null}
        {can('inventory_value') ? <AsyncChart kpi="inventory_value" load={() => loadBars('inventory_value', f, p, 'category')} /> : null}
      </div>
    </>
  );
}
