import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireKpi } from '@/lib/access';
import { kpiDef } from '@/lib/kpis';

// Checked here, before anything streams, so a KPI the user's roles may not read answers
// HTTP 403 with app/forbidden.tsx (a page-level loading.tsx would already have sent 200).
export default async function KpiLayout({ children, params }: { children: ReactNode; params: Promise<{ name: string }> }) {
  const { name } = await params;
  if (!kpiDef(name)) notFound();
  await requireKpi(name);
  return children;
}
