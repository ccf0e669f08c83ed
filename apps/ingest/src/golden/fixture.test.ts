import { sentimentScore, validateEvent } from '@stockpulse/metrics';
import { describe, expect, it } from 'vitest';
import { checkAnswer } from './check.js';
import { KPI_NAMES, goldenCases, midFlowCases } from './expected.js';
import { IN_BATCH_DUPLICATE_ID, NOW, allEvents, batch1, batch2, batch3, duplicates, resendAfterRestart } from './fixture.js';
import { caseName, type GoldenCase } from './golden-case.js';
import type { MetricAnswer } from '../testing/harness.js';

/** Checks of the golden data itself (no app needed): valid events, consistent expectations, a working checker. */

describe('golden fixture', () => {
  it('is valid against the event contract at NOW', () => {
    const nowMs = Date.parse(NOW);
    const invalid = allEvents.map((e) => [e.id, validateEvent(e, nowMs)] as const).filter(([, v]) => !v.ok);
    expect(invalid).toEqual([]);
    expect(allEvents.length).toBeGreaterThanOrEqual(60);
  });

  it('sends every id once across batches, except the one in-batch duplicate', () => {
    const ids = [...batch1, ...batch2, ...batch3].map((e) => e.id);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(twice).toEqual([IN_BATCH_DUPLICATE_ID]);
    expect(new Set(ids).size).toBe(allEvents.length);
  });

  it('re-sends only exact copies of stored events', () => {
    for (const e of [...duplicates, ...resendAfterRestart]) expect(allEvents.find((x) => x.id === e.id)).toEqual(e);
  });

  it('matches the hand-computed AFINN-165 comparative scores', () => {
    const hand: Record<string, number | null> = {
      'great service': (3 + 0) / 2,
      'bad delay': (-3 - 1) / 2,
      terrible: -3 / 1,
      'the order arrived': 0 / 3,
      'good but slow': (3 + 0 + 0) / 3,
      '   ': null, // blank: not a text
      'awful, never again!': (-3 + 0 + 0) / 3,
      'missing parts': (-2 + 0) / 2,
    };
    const texts = allEvents.flatMap((e) => (e.type === 'feedback.submitted' && e.data.text !== undefined ? [e.data.text] : []));
    expect(texts.sort()).toEqual(Object.keys(hand).sort());
    for (const [text, score] of Object.entries(hand)) expect(sentimentScore(text), text).toBe(score);
  });
});

describe('golden expectations', () => {
  it('cover every KPI with a total, a split and a time grain', () => {
    for (const name of KPI_NAMES) {
      const cases = goldenCases.filter((c) => c.metric === name);
      expect(cases.some((c) => !c.params.grain && !c.params.by), `${name}: total`).toBe(true);
      expect(cases.some((c) => c.params.by), `${name}: split`).toBe(true);
      expect(cases.some((c) => c.params.grain === 'day'), `${name}: grain=day`).toBe(true);
    }
    expect(new Set(goldenCases.map(caseName)).size).toBe(goldenCases.length);
  });

  // Sums split by one dimension add up to the total (orders by category does not:
  // an order counts in every category it has lines in).
  const additive = ['orders', 'revenue', 'open_backorder_units', 'open_backorder_value', 'lost_sales', 'lost_margin', 'expedite_cost', 'backorder_cost', 'on_hand_units', 'inventory_value', 'cogs', 'below_reorder_point', 'delayed_shipments', 'stalled_orders'];
  const splits = goldenCases.filter((c) => additive.includes(c.metric) && c.params.by && !c.params.by.includes(',') && !c.params.grain && !(c.metric === 'orders' && c.params.by === 'category'));
  it.each(splits.map((c) => [caseName(c), c] as const))('groups add up to the total: %s', (_name, c) => {
    const total = goldenCases.find((t) => t.metric === c.metric && !t.params.by && !t.params.grain && Object.keys(t.params).length === 2 && t.params.from === c.params.from && t.params.to === c.params.to);
    expect(total, 'a total case for the same window').toBeDefined();
    const sum = c.rows.reduce((s, r) => s + (r.value ?? 0), 0);
    expect(sum).toBeCloseTo(total?.rows[0]?.value ?? NaN, 6);
  });

  it('write ratios as numerator / denominator', () => {
    for (const c of goldenCases) {
      for (const r of c.rows) {
        if (r.numerator === undefined || r.denominator === undefined || r.value === null) continue;
        const factor = c.metric === 'nps' ? 100 : 1;
        expect(r.value, caseName(c)).toBeCloseTo((factor * r.numerator) / r.denominator, 12);
      }
    }
  });
});

describe('golden answer checker', () => {
  const answerFor = (c: GoldenCase, tweak?: (rows: Record<string, unknown>[]) => void): MetricAnswer => {
    const rows = c.rows.map((r) => ({ ...(r.bucket ? { bucket: r.bucket } : {}), ...r.dims, value: r.value, numerator: r.numerator, denominator: r.denominator }));
    tweak?.(rows);
    return { metric: c.metric, from: c.params.from ?? '', to: c.params.to ?? '', grain: c.params.grain ?? 'total', by: c.params.by ? c.params.by.split(',') : [], rows: rows as MetricAnswer['rows'] };
  };

  it.each([...goldenCases, ...midFlowCases].map((c) => [caseName(c), c] as const))('accepts the expected answer: %s', (_name, c) => {
    expect(checkAnswer(answerFor(c), c)).toEqual([]);
  });

  const revenueByCategory = goldenCases.find((c) => c.metric === 'revenue' && c.params.by === 'category') as GoldenCase;
  it('reports a wrong value, a missing row, an extra row and a bucket on a total', () => {
    expect(checkAnswer(answerFor(revenueByCategory, (rows) => void (rows[0]!.value = 1054)), revenueByCategory)).toHaveLength(1);
    expect(checkAnswer(answerFor(revenueByCategory, (rows) => void rows.pop()), revenueByCategory)).toHaveLength(1);
    expect(checkAnswer(answerFor(revenueByCategory, (rows) => void rows.push({ category: 'unknown', value: 5 })), revenueByCategory)).toHaveLength(1);
    expect(checkAnswer(answerFor(revenueByCategory, (rows) => void rows.push({ category: 'unknown', value: 0 })), revenueByCategory)).toEqual([]);
    expect(checkAnswer(answerFor(revenueByCategory, (rows) => void (rows[0]!.bucket = '2026-11-06T00:00:00Z')), revenueByCategory)).toHaveLength(1);
  });

  it('compares ratios to 9 decimals and buckets by instant and zone', () => {
    const rate = goldenCases.find((c) => c.metric === 'backorder_rate' && !c.params.by && !c.params.grain) as GoldenCase;
    expect(checkAnswer(answerFor(rate, (rows) => void (rows[0]!.value = 0.6429)), rate)).toHaveLength(1);
    const tzCase = goldenCases.find((c) => c.metric === 'orders' && c.params.tz && c.params.grain) as GoldenCase;
    expect(checkAnswer(answerFor(tzCase, (rows) => void (rows[0]!.bucket = '2026-11-15T22:00:00Z')), tzCase)).toHaveLength(1);
  });
});
