import { forbidden } from 'next/navigation';
import type { Page } from '@stockpulse/metrics';
import { getMe } from './api';

// Page-level checks, called from segment layouts (before anything streams) so the refusal
// is a real HTTP 403 with app/forbidden.tsx. The API still checks every read itself.

export async function requirePage(page: Page): Promise<void> {
  const me = await getMe();
  if (!me.user.pages.includes(page)) forbidden();
}

export async function requireKpi(name: string): Promise<void> {
  const me = await getMe();
  if (!me.user.kpis.includes(name)) forbidden();
}
