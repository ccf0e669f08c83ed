import type { Page } from '@stockpulse/metrics';

/** Dashboard pages with a route, in nav order. Client-safe. */
export const PAGE_ROUTES: { page: Page; href: string; label: string }[] = [
  { page: 'overview', href: '/', label: 'Overview' },
  { page: 'finance', href: '/finance', label: 'Finance' },
  { page: 'marketing', href: '/marketing', label: 'Marketing' },
  { page: 'operations', href: '/operations', label: 'Operations' },
  { page: 'admin', href: '/admin', label: 'Admin' },
];
