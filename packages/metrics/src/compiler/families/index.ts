import type { Family } from '../sql.js';
import { feedbackFamily, retentionFamily } from './customers.js';
import { cogsFamily, discrepancyFamily, inventoryFamily, reorderFamily } from './inventory.js';
import { delayedFamily, deliveriesFamily } from './logistics.js';
import { expediteFamily, ordersFamily } from './orders.js';
import { stalledFamily } from './stalled.js';

export const FAMILIES: Record<string, Family> = Object.fromEntries(
  [ordersFamily, expediteFamily, inventoryFamily, reorderFamily, cogsFamily, discrepancyFamily, feedbackFamily, retentionFamily, deliveriesFamily, delayedFamily, stalledFamily].map((f) => [f.name, f]),
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
