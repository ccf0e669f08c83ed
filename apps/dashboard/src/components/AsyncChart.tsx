import { Suspense } from 'react';
import { kpiInfo } from '@/lib/kpis';
import { requireKpi, type ChartResult } from '@/lib/loaders';
import { ChartCard } from './ChartCard';
import { ChartSkeleton } from './Skeletons';

interface Props {
  kpi: string;
  load: () => Promise<ChartResult>;
  height?: number;
  note?: string;
}

/** A chart card that streams in on its own, behind a skeleton of the same size. */
export function AsyncChart(props: Props) {
  return (
    <Suspense fallback={<ChartSkeleton {...(props.height ? { height: props.height } : {})} />}>
      <Loaded {...props} />
    </Suspense>
  );
}

async function Loaded({ kpi, load, height, note }: Props) {
  return <ChartCard result={await load()} info={kpiInfo(requireKpi(kpi))} {...(height ? { height } : {})} {...(note ? { note } : {})} />;
}
