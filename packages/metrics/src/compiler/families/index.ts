import type { Family } from '../sql.js';
import { expediteFamily, ordersFamily } from './orders.js';

export const FAMILIES: Record<string, Family> = Object.fromEntries(
  [ordersFamily, expediteFamily].map((f) => [f.name, f]),
);

const MEASURE_FAMILY = new Map<string, string>();
for (const f of Object.values(FAMILIES)) {
  for (const m of f.measures) {
    if (MEASURE_FAMILY.has(m)) throw new Error(`measure ${m} is declared by two families`);
    MEASURE_FAMILY.set(m, f.name);
  }
}

export function familyOf(measure: string): string {
  const f = MEASURE_FAMILY.get(measure);
  if (!f) throw new Error(`no family declares measure ${measure}`);
  return f;
}
