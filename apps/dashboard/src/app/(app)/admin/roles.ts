// The roles a user may hold and the pages each opens, from @stockpulse/metrics, loaded by Node
// at run time as src/lib/metrics.ts does (the package is not bundled). Server-only.
import type { RoleOption } from '@/components/admin/types';

type Metrics = typeof import('@stockpulse/metrics');

const { ROLES, ROLE_ACCESS }: Metrics = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '@stockpulse/metrics');

export const ROLE_OPTIONS: RoleOption[] = ROLES.map((role) => ({ role, pages: [...ROLE_ACCESS[role].pages] }));
