import type { ReactNode } from 'react';
import { requirePage } from '@/lib/access';

// A role without the overview (supplier, for now) gets HTTP 403 (app/forbidden.tsx).
export default async function OverviewLayout({ children }: { children: ReactNode }) {
  await requirePage('overview');
  return children;
}
