import { describe, expect, it } from 'vitest';
import { ROLE_ACCESS, ROLES, kpisFor, pagesFor } from './access.js';
import { KPI_BY_NAME, KPIS, OVERVIEW_KPIS } from './catalog.js';

const MONEY_UNITS = new Set(['currency']);

describe('role policy', () => {
  it('names only KPIs that exist', () => {
    for (const role of ROLES) for (const k of ROLE_ACCESS[role].kpis) expect(KPI_BY_NAME.has(k), `${role}: ${k}`).toBe(true);
    for (const k of OVERVIEW_KPIS) expect(KPI_BY_NAME.has(k)).toBe(true);
  });
  it('gives owners and admins every KPI, suppliers none yet', () => {
    expect(kpisFor(['owner']).size).toBe(KPIS.length);
    expect(kpisFor(['admin']).size).toBe(KPIS.length);
    expect(kpisFor(['supplier']).size).toBe(0);
    expect(pagesFor(['supplier']).size).toBe(0);
  });
  it('keeps money out of marketing and operations roles', () => {
    for (const role of ['marketing', 'warehouse', 'purchasing', 'sales', 'customer_service', 'logistics'] as const) {
      for (const k of kpisFor([role])) {
        const kpi = KPI_BY_NAME.get(k);
        expect(MONEY_UNITS.has(kpi?.unit ?? ''), `${role} may read ${k}`).toBe(false);
        expect(kpi?.numerator?.unit === 'currency', `${role} may read ${k} (money numerator)`).toBe(false);
      }
    }
  });
  it('unions the rights of several roles and ignores unknown ones', () => {
    const both = kpisFor(['marketing', 'finance', 'emperor']);
    expect(both.has('nps')).toBe(true);
    expect(both.has('lost_sales')).toBe(true);
    expect([...pagesFor(['marketing', 'finance'])].sort()).toEqual(['finance', 'marketing', 'overview']);
  });
});
