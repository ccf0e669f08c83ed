import type { EventData } from '@stockpulse/metrics';
import { SEGMENTS } from './demand.js';
import { COMPANY_FORMS, COMPANY_KINDS, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, REGIONS, slug } from './names.js';
import { WeightedTable, type Rng } from './rng.js';
import type { Customer, Segment } from './types.js';

/** Regions served from the `east` warehouse; the rest ship from `main`. */
const EAST_REGIONS = new Set(['east', 'south']);

export interface CustomerPool {
  customers: Customer[];
  /** Per segment: who buys, weighted by how often they buy (a few loyal customers buy a lot). */
  tables: Record<Segment, { list: Customer[]; table: WeightedTable }>;
  weights: Map<Customer, number>;
}

function segmentFor(rng: Rng): Segment {
  return rng.weighted([
    ['retail', 85],
    ['wholesale', 11],
    ['enterprise', 4],
  ]);
}

function person(rng: Rng, n: number): { name: string; email: string } {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return { name: `${first} ${last}`, email: `${slug(first)}.${slug(last)}${n}@mail.example` };
}

function company(rng: Rng, n: number): { name: string; email: string } {
  const word = rng.pick(COMPANY_WORDS);
  const kind = rng.pick(COMPANY_KINDS);
  return { name: `${word} ${kind} ${rng.pick(COMPANY_FORMS)}`, email: `purchasing@${slug(`${word}-${kind}`)}-${n}.example` };
}

export function buildCustomers(rng: Rng, count: number): CustomerPool {
  const customers: Customer[] = [];
  const weights = new Map<Customer, number>();
  for (let i = 0; i < count; i++) {
    const segment = segmentFor(rng);
    const activity = rng.logBetween(0.2, 5);
    const who = segment === 'retail' ? person(rng, i + 1) : company(rng, i + 1);
    const region = rng.pick(REGIONS);
    const customer: Customer = {
      id: `CUS-${String(i + 1).padStart(5, '0')}`,
      name: who.name,
      segment,
      // High value: the most active business buyers and the best retail customers.
      tier: activity > (segment === 'retail' ? 4 : 2.5) ? 'high_value' : 'standard',
      region,
      email: who.email,
      warehouse: EAST_REGIONS.has(region) ? 1 : 0,
      lateSync: rng.chance(0.015),
      synced: false,
    };
    customers.push(customer);
    weights.set(customer, activity);
  }
  const tables = {} as CustomerPool['tables'];
  for (const segment of SEGMENTS) {
    let list = customers.filter((c) => c.segment === segment);
    // A tiny pool could miss a segment; borrow everyone rather than fail.
    if (list.length === 0) list = customers;
    tables[segment] = { list, table: new WeightedTable(list.map((c) => weights.get(c) ?? 1)) };
  }
  return { customers, tables, weights };
}

export function customerUpserted(c: Customer): EventData<'customer.upserted'> {
  return { customer_id: c.id, segment: c.segment, name: c.name, tier: c.tier, region: c.region, email: c.email };
}

export function pickCustomer(rng: Rng, pool: CustomerPool['tables'], segment: Segment): Customer {
  const { list, table } = pool[segment];
  return list[table.pick(rng)] as Customer;
}
