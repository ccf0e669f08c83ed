import type { HttpClient } from './http.js';
import { summarize, type Summary } from './stats.js';

/** Phase 3: KPI latency over HTTP (auth, compile, chDB, JSON), sequential requests. */

export interface KpiSpec {
  key: string;
  label: string;
  metric: string;
  params: Record<string, string>;
  /** The query the target is about. */
  target: boolean;
}

export interface KpiResult {
  key: string;
  label: string;
  path: string;
  target: boolean;
  latencyMs: Summary;
  warmupMs: number[];
  rows: number;
  errors: string[];
}

const DAY_MS = 86_400_000;

/** The target query, the same over the whole data range, and a few others as extra information. */
export function kpiSpecs(dataStartMs: number, nowMs: number): KpiSpec[] {
  const whole = { from: new Date(dataStartMs).toISOString().slice(0, 10), to: new Date(nowMs + DAY_MS).toISOString().slice(0, 10) };
  return [
    { key: 'backorder_rate_30d', label: 'backorder_rate by category, day, last 30 d', metric: 'backorder_rate', params: { by: 'category', grain: 'day' }, target: true },
    { key: 'backorder_rate_all', label: 'backorder_rate by category, day, whole range', metric: 'backorder_rate', params: { by: 'category', grain: 'day', ...whole }, target: false },
    { key: 'orders_segment_30d', label: '(extra) orders by segment, day, last 30 d', metric: 'orders', params: { by: 'segment', grain: 'day' }, target: false },
    { key: 'inventory_value_30d', label: '(extra) inventory_value by category, day, last 30 d', metric: 'inventory_value', params: { by: 'category', grain: 'day' }, target: false },
    { key: 'nps_30d', label: '(extra) nps by segment, week, last 30 d', metric: 'nps', params: { by: 'segment', grain: 'week' }, target: false },
  ];
}

export async function kpiPhase(http: HttpClient, specs: readonly KpiSpec[], opts: { warmups: number; runs: number }): Promise<KpiResult[]> {
  const results: KpiResult[] = [];
  for (const spec of specs) {
    const path = `/v1/metrics/${spec.metric}?${new URLSearchParams(spec.params)}`;
    const times: number[] = [];
    const warmupMs: number[] = [];
    const errors: string[] = [];
    let rows = 0;
    for (let i = 0; i < opts.warmups + opts.runs; i++) {
      const res = await http.get(path);
      if (res.status !== 200) {
        if (errors.length < 3) errors.push(`${res.status}: ${res.text.slice(0, 300)}`);
        continue;
      }
      if (i < opts.warmups) {
        warmupMs.push(res.ms);
        continue;
      }
      times.push(res.ms);
      rows = (JSON.parse(res.text) as { rows: unknown[] }).rows.length;
    }
    results.push({ key: spec.key, label: spec.label, path, target: spec.target, latencyMs: summarize(times), warmupMs, rows, errors });
  }
  return results;
}
