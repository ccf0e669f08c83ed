import { BUCHAREST, MAIN, bucharestDay, goldenCase as c, npsRatio, ratio, utcDay, type GoldenCase } from './golden-case.js';

/*
 * Feedback (AFINN-165 comparative = sum of word scores / tokens):
 *   fb-01 11-06T15:00 C1 retail     nps 10 P  "great service"       (3+0)/2 = 1.5
 *   fb-02 11-09T10:00 C2 wholesale  nps 3  D  "bad delay"           (-3-1)/2 = -2
 *   fb-03 11-11T10:00 C5 wholesale  nps 6  D  "terrible"            -3/1 = -3
 *   fb-04 11-13T12:00 C6 unknown    nps 8  -  "the order arrived"   0/3 = 0
 *   fb-05 11-16T09:00 C3 retail     nps 9  P  (no text)
 *   fb-06 11-17T10:00 C4 wholesale  no nps    "good but slow"       (3+0+0)/3 = 1
 *   fb-07 11-18T10:00 C7 retail     nps 7  -  "   " (blank: not a text)
 *   fb-08 11-19T23:30 C1 retail     nps 0  D  "awful, never again!" -> awful never again: -3/3 = -1
 *   fb-09 11-20T09:00 C2 (after the main window) nps 10; fb-10 11-03 C3 (before) nps 2 "missing parts"
 * had_backorder (order placed in [t-90d, t) with a backordered line):
 *   fb-01 C1: O0a, O1 none (O10, O14 come later) -> false; fb-02 C2: O0b, O2 -> true; fb-03 C5: O5 -> true;
 *   fb-04 C6: O0d, O4 none -> false; fb-05 C3: O3 (bo recorded 11-12 < t) -> true; fb-06 C4: O7 -> true;
 *   fb-07 C7: O0c none -> false; fb-08 C1: O10, O14 -> true.
 * nps main window: 7 responses, promoters fb-01, fb-05 = 2, detractors fb-02, fb-03, fb-08 = 3.
 * texts main window: 1.5, -2, -3, 0, 1, -1 -> sum -3.5, 6 texts, 3 negative.
 * Retention: previous window [10-23, 11-06) customers C1 (O0a), C2 (O0b), C7 (O0c), C6 (O0d);
 *   ordering again in [11-06, 11-20): C1, C2, C6 (not C7). had_backorder at t = 11-06: only C2 (O0b).
 * Shipments delivered in the main window (first `delivered`; on time if UTC delivery date <= promised):
 *   SH1 O1 retail 11-09 <= 11-09 yes; SH2 O2 wholesale 11-11 > 11-10 no; SH3 O2 wholesale 11-12 yes;
 *   SH5 O7 wholesale 11-14 > 11-13 no; SH7 O10 retail 11-18T23:30Z -> 11-18 yes; SH8 O12 wholesale 11-18 yes
 *   (its second `delivered` 11-19 ignored); SH10 has no dispatch -> excluded.
 */

export const voiceCases: GoldenCase[] = [
  // ---- nps
  c('nps', { ...MAIN }, 'ratio', '100 * (2 promoters - 3 detractors) / 7 responses = -100/7', [npsRatio(-1, 7)]),
  c('nps', { ...MAIN, by: 'had_backorder' }, 'ratio', 'true: fb-02 D, fb-03 D, fb-05 P, fb-08 D -> 100*(1-3)/4 = -50; false: fb-01 P, fb-04 passive, fb-07 passive -> 100*1/3', [
    { dims: { had_backorder: true }, ...npsRatio(-2, 4) },
    { dims: { had_backorder: false }, ...npsRatio(1, 3) },
  ]),
  c('nps', { ...MAIN, by: 'segment' }, 'ratio', 'retail fb-01 P, fb-05 P, fb-07, fb-08 D -> 100*1/4; wholesale fb-02 D, fb-03 D -> 100*-2/2; unknown fb-04 -> 0/1', [
    { dims: { segment: 'retail' }, ...npsRatio(1, 4) },
    { dims: { segment: 'wholesale' }, ...npsRatio(-2, 2) },
    { dims: { segment: 'unknown' }, ...npsRatio(0, 1) },
  ]),
  c('nps', { from: '2026-11-16', to: '2026-11-20', grain: 'day' }, 'ratio', '11-16 fb-05 P 1/1; 11-17 fb-06 has no nps; 11-18 fb-07 passive 0/1; 11-19 fb-08 D -1/1', [
    { bucket: utcDay('2026-11-16'), ...npsRatio(1, 1) },
    { bucket: utcDay('2026-11-18'), ...npsRatio(0, 1) },
    { bucket: utcDay('2026-11-19'), ...npsRatio(-1, 1) },
  ]),
  c('nps', { from: '2026-11-19', to: '2026-11-21', grain: 'day' }, 'ratio', 'UTC: 11-19 fb-08 (23:30Z) D -1/1; 11-20 fb-09 P 1/1', [
    { bucket: utcDay('2026-11-19'), ...npsRatio(-1, 1) },
    { bucket: utcDay('2026-11-20'), ...npsRatio(1, 1) },
  ]),
  c('nps', { from: '2026-11-19', to: '2026-11-21', grain: 'day', tz: BUCHAREST }, 'ratio', 'Bucharest: fb-08 11-19T23:30Z is local 11-20 01:30, fb-09 local 11-20 11:00 -> 11-20: (1-1)/2 = 0; local 11-19 [11-18T22Z, 11-19T22Z): none', [
    { bucket: bucharestDay('2026-11-20'), ...npsRatio(0, 2) },
  ]),

  // ---- sentiment / negative_feedback_share
  c('sentiment', { ...MAIN }, 'ratio', '(1.5 - 2 - 3 + 0 + 1 - 1) / 6 texts = -3.5/6 (fb-07 blank text is not a text)', [ratio(-3.5, 6)]),
  c('sentiment', { ...MAIN, by: 'had_backorder' }, 'ratio', 'true: fb-02 -2, fb-03 -3, fb-06 1, fb-08 -1 -> -5/4; false: fb-01 1.5, fb-04 0 -> 1.5/2', [
    { dims: { had_backorder: true }, ...ratio(-5, 4) },
    { dims: { had_backorder: false }, ...ratio(1.5, 2) },
  ]),
  c('sentiment', { from: '2026-11-16', to: '2026-11-20', grain: 'day' }, 'ratio', '11-17 fb-06 1/1; 11-19 fb-08 -1/1 (11-16 and 11-18 have no text)', [
    { bucket: utcDay('2026-11-17'), ...ratio(1, 1) },
    { bucket: utcDay('2026-11-19'), ...ratio(-1, 1) },
  ]),
  c('negative_feedback_share', { ...MAIN }, 'ratio', 'score < 0: fb-02, fb-03, fb-08 = 3 / 6 texts (fb-04 = 0 is not negative)', [ratio(3, 6)]),
  c('negative_feedback_share', { ...MAIN, by: 'had_backorder' }, 'ratio', 'true: fb-02, fb-03, fb-08 of 4 -> 3/4; false: 0/2', [
    { dims: { had_backorder: true }, ...ratio(3, 4) },
    { dims: { had_backorder: false }, ...ratio(0, 2) },
  ]),
  c('negative_feedback_share', { from: '2026-11-16', to: '2026-11-20', grain: 'day' }, 'ratio', '11-17: 0/1; 11-19: 1/1', [
    { bucket: utcDay('2026-11-17'), ...ratio(0, 1) },
    { bucket: utcDay('2026-11-19'), ...ratio(1, 1) },
  ]),

  // ---- retention_rate
  c('retention_rate', { ...MAIN }, 'ratio', 'previous [10-23, 11-06): C1, C2, C7, C6; again in [11-06, 11-20): C1, C2, C6 -> 3/4', [ratio(3, 4)]),
  c('retention_rate', { ...MAIN, by: 'had_backorder' }, 'ratio', 'at t = 11-06: true C2 (O0b) -> 1/1; false C1, C7, C6 -> C1, C6 retained 2/3', [
    { dims: { had_backorder: true }, ...ratio(1, 1) },
    { dims: { had_backorder: false }, ...ratio(2, 3) },
  ]),
  c('retention_rate', { ...MAIN, by: 'segment' }, 'ratio', 'retail C1, C7 -> 1/2; wholesale C2 -> 1/1; unknown C6 (never known) -> 1/1', [
    { dims: { segment: 'retail' }, ...ratio(1, 2) },
    { dims: { segment: 'wholesale' }, ...ratio(1, 1) },
    { dims: { segment: 'unknown' }, ...ratio(1, 1) },
  ]),
  c('retention_rate', { from: '2026-11-16', to: '2026-11-18', grain: 'day' }, 'ratio', '11-16: previous day 11-15 {C4 (O11 22:30Z)}, 11-16 {C5} -> 0/1; 11-17: previous {C5}, 11-17 {C5 (O13)} -> 1/1', [
    { bucket: utcDay('2026-11-16'), ...ratio(0, 1) },
    { bucket: utcDay('2026-11-17'), ...ratio(1, 1) },
  ]),
  c('retention_rate', { from: '2026-11-16', to: '2026-11-18', grain: 'day', tz: BUCHAREST }, 'ratio', 'Bucharest days: 11-15 {} ; 11-16 {C4 (O11 00:30 local), C5 (O12)}; 11-17 {C5}: bucket 11-16 has no previous customers (0/0); 11-17 -> C5 of {C4, C5} = 1/2', [
    { bucket: bucharestDay('2026-11-16'), value: null, mayBeAbsent: true },
    { bucket: bucharestDay('2026-11-17'), ...ratio(1, 2) },
  ]),
];

export const logisticsCases: GoldenCase[] = [
  // ---- on_time_delivery_rate
  c('on_time_delivery_rate', { ...MAIN }, 'ratio', 'on time SH1, SH3, SH7, SH8 of SH1, SH2, SH3, SH5, SH7, SH8 -> 4/6', [ratio(4, 6)]),
  c('on_time_delivery_rate', { ...MAIN, by: 'segment' }, 'ratio', 'from the order: retail SH1 (O1), SH7 (O10) 2/2; wholesale SH2, SH3 (O2), SH5 (O7), SH8 (O12, C5) -> SH3, SH8 on time 2/4', [
    { dims: { segment: 'retail' }, ...ratio(2, 2) },
    { dims: { segment: 'wholesale' }, ...ratio(2, 4) },
  ]),
  c('on_time_delivery_rate', { ...MAIN, grain: 'day' }, 'ratio', 'by first delivery: 11-09 SH1 1/1; 11-11 SH2 0/1; 11-12 SH3 1/1; 11-14 SH5 0/1; 11-18 SH7, SH8 2/2 (11-15 SH10: no dispatch, excluded)', [
    { bucket: utcDay('2026-11-09'), ...ratio(1, 1) },
    { bucket: utcDay('2026-11-11'), ...ratio(0, 1) },
    { bucket: utcDay('2026-11-12'), ...ratio(1, 1) },
    { bucket: utcDay('2026-11-14'), ...ratio(0, 1) },
    { bucket: utcDay('2026-11-18'), ...ratio(2, 2) },
  ]),
  c('on_time_delivery_rate', { from: '2026-11-18', to: '2026-11-20', grain: 'day', tz: BUCHAREST }, 'ratio', 'Bucharest 11-18: SH8 (14:00 local) 1/1; 11-19: SH7 (01:30 local) — on time by its UTC date 11-18 <= 11-18 -> 1/1; SH8 second delivered ignored', [
    { bucket: bucharestDay('2026-11-18'), ...ratio(1, 1) },
    { bucket: bucharestDay('2026-11-19'), ...ratio(1, 1) },
  ]),

  // ---- delayed_shipments (as of NOW, dispatched in window)
  c('delayed_shipments', { ...MAIN }, 'count', 'SH4 (eta 11-16 > promised 11-14), SH6 (latest status delayed) -> 2; not SH5 (delivered), SH11 (latest in_transit, eta 11-12T18:00Z = promised date), SH9 (no status, no eta)', [{ value: 2 }]),
  c('delayed_shipments', { ...MAIN, by: 'segment' }, 'count', 'SH4 -> O6 C2 wholesale 1; SH6 -> O10 C1 retail 1', [
    { dims: { segment: 'wholesale' }, value: 1 },
    { dims: { segment: 'retail' }, value: 1 },
  ]),
  c('delayed_shipments', { ...MAIN, grain: 'day' }, 'count', 'by dispatch day: 11-12 SH4; 11-15 SH6', [
    { bucket: utcDay('2026-11-12'), value: 1 },
    { bucket: utcDay('2026-11-15'), value: 1 },
  ]),

  // ---- stalled_orders (docs/metrics.md extension; NOW 11-20T12:00Z)
  c('stalled_orders', { ...MAIN }, 'count', 'O3 confirmed since 11-08T15:00 (>24h); O4 in_preparation since 11-09T10:00 (>48h); O6 shipped since 11-12T12:00 (8 d > 7 d); O11 placed 11-15T22:30 (>24h); O13 confirmed 11-17T13:00 (>24h); O14 placed 11-19T09:00 (27h) -> 6. Not: O1, O2, O12 delivered; O5, O7 cancelled; O8 in_preparation 28h; O9 packed 16h; O10 shipped 5d2h', [{ value: 6 }]),
  c('stalled_orders', { ...MAIN, by: 'stage' }, 'count', 'placed O11, O14 -> 2; confirmed O3, O13 -> 2; in_preparation O4 -> 1; shipped O6 -> 1', [
    { dims: { stage: 'placed' }, value: 2 },
    { dims: { stage: 'confirmed' }, value: 2 },
    { dims: { stage: 'in_preparation' }, value: 1 },
    { dims: { stage: 'shipped' }, value: 1 },
  ]),
  c('stalled_orders', { ...MAIN, by: 'segment' }, 'count', 'retail O3 (C3), O14 (C1) -> 2; wholesale O6 (C2), O11 (C4), O13 (C5) -> 3; unknown O4 (C6) -> 1', [
    { dims: { segment: 'retail' }, value: 2 },
    { dims: { segment: 'wholesale' }, value: 3 },
    { dims: { segment: 'unknown' }, value: 1 },
  ]),
  c('stalled_orders', { ...MAIN, grain: 'day' }, 'count', 'by placement day: 11-08 O3, O4 -> 2; 11-10 O6; 11-15 O11; 11-17 O13; 11-19 O14', [
    { bucket: utcDay('2026-11-08'), value: 2 },
    { bucket: utcDay('2026-11-10'), value: 1 },
    { bucket: utcDay('2026-11-15'), value: 1 },
    { bucket: utcDay('2026-11-17'), value: 1 },
    { bucket: utcDay('2026-11-19'), value: 1 },
  ]),
];
