import type { ReactNode } from 'react';
import { requirePage } from '@/lib/access';

// Checked before anything streams: a user without the admin role gets HTTP 403 (app/forbidden.tsx).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePage('admin');
  return children;
}
