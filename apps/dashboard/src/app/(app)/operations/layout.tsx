import type { ReactNode } from 'react';
import { requirePage } from '@/lib/access';

// Checked before anything streams: a role without this page gets HTTP 403 (app/forbidden.tsx).
export default async function OperationsLayout({ children }: { children: ReactNode }) {
  await requirePage('operations');
  return children;
}
