import { BUCHAREST, MAIN, bucharestDay, goldenCase as c, ratio, utcDay, type GoldenCase } from './golden-case.js';

/*
 * Order and backorder KPIs, worked by hand from fixture.ts (see its ground-truth table).
 * Lines in the main window [11-06, 11-20) (cat: T = Tools, G = Garden; bo = backordered after caps;
 * fill = filled after cap; cx = cancelled_backorder; open = open_backorder):
 *   O1  11-06 C1 retail   HAM T 4@25, DRL T 1@90                      revenue 190
 *   O2  11-07 C2 wholesale HOSE G 10@20 bo4 fill4                      revenue 200
 *   O3  11-08 C3 retail   HAM T 2@25; SHOV G 3@30 bo2 (late) open2     revenue 140
 *   O4  11-08 C6 unknown  SEED G 5@4                                   revenue 20
 *   O5  11-09 C5 wholesale DRL T 3@90 bo3 fill1, CANCELLED -> cx2       revenue 270
 *   O6  11-10 C2 wholesale SAW T 2@35 bo1 fill min(1+2,1)=1             revenue 70
 *   O7  11-10 C4 wholesale HOSE G 6@20 bo3 fill3; HAM T 6@24 bo2 fill1, CANCELLED -> HAM cx1   revenue 264
 *   O8  11-12 C2 wholesale RAKE G 10@15 bo min(4+8,10)=10 open10       revenue 150
 *   O9  11-13 C3 retail   HAM T 1@25 (cancelled, then confirmed: not cancelled)   revenue 25
 *   O10 11-14 C1 retail   SEED G 20@4 bo20 fill5 open15; DRL T 1@90    revenue 170
 *   O11 11-15 C4 wholesale SHOV G 2@30 bo1 open1                       revenue 60
 *   O12 11-16 C5 wholesale HAM T 5@24.99                               revenue 124.95
 *   O13 11-17 C5 wholesale HOSE G 2@20                                 revenue 40
 *   O14 11-19 C1 retail   DRL T 1@90 bo1 open1                         revenue 90
 * Totals: 14 orders, 18 lines, 84 units, 47 backordered units, revenue 1813.95.
 */

const DAYS_8_TO_11 = { from: '2026-11-08', to: '2026-11-11', grain: 'day' } as const;

export const orderCases: GoldenCase[] = [
  // ---- orders
  c('orders', { ...MAIN }, 'count', 'O1 (11-06T00:00, from inclusive) .. O14 -> 14; O12 sent twice counts once; O0a-d before; O15 at 11-20T00:00 (to exclusive)', [{ value: 14 }]),
  c('orders', { ...MAIN, by: 'category' }, 'count', 'Tools: O1,O3,O5,O6,O7,O9,O10,O12,O14 -> 9; Garden: O2,O3,O4,O7,O8,O10,O11,O13 -> 8 (O3,O7,O10 in both; O6 saw is Tools: v1 "Garden" is older)', [
    { dims: { category: 'Tools' }, value: 9 },
    { dims: { category: 'Garden' }, value: 8 },
  ]),
  c('orders', { ...MAIN, by: 'segment' }, 'count', 'retail C1,C3: O1,O3,O9,O10,O14 -> 5; wholesale C2,C4,C5: O2,O5,O6,O7,O8,O11,O12,O13 -> 8 (C5 upserted late); unknown C6: O4 -> 1', [
    { dims: { segment: 'retail' }, value: 5 },
    { dims: { segment: 'wholesale' }, value: 8 },
    { dims: { segment: 'unknown' }, value: 1 },
  ]),
  c('orders', { ...MAIN, by: 'category,segment' }, 'count', 'Tools: retail O1,O3,O9,O10,O14=5, wholesale O5,O6,O7,O12=4; Garden: retail O3,O10=2, wholesale O2,O7,O8,O11,O13=5, unknown O4=1', [
    { dims: { category: 'Tools', segment: 'retail' }, value: 5 },
    { dims: { category: 'Tools', segment: 'wholesale' }, value: 4 },
    { dims: { category: 'Garden', segment: 'retail' }, value: 2 },
    { dims: { category: 'Garden', segment: 'wholesale' }, value: 5 },
    { dims: { category: 'Garden', segment: 'unknown' }, value: 1 },
  ]),
  c('orders', { ...MAIN, by: 'tier' }, 'count', 'high_value C1,C4: O1,O10,O14,O7,O11 -> 5; standard C2,C3,C5: O2,O6,O8,O3,O9,O5,O12,O13 -> 8; unknown O4 -> 1', [
    { dims: { tier: 'high_value' }, value: 5 },
    { dims: { tier: 'standard' }, value: 8 },
    { dims: { tier: 'unknown' }, value: 1 },
  ]),
  c('orders', { ...MAIN, by: 'channel' }, 'count', 'web: O1,O3,O4,O9,O10,O14 -> 6; b2b: O2,O5,O6,O7,O8,O11,O12,O13 -> 8', [
    { dims: { channel: 'web' }, value: 6 },
    { dims: { channel: 'b2b' }, value: 8 },
  ]),
  c('orders', { ...MAIN, category: 'Tools' }, 'count', 'orders with a Tools line: O1,O3,O5,O6,O7,O9,O10,O12,O14 -> 9', [{ value: 9 }]),
  c('orders', { ...MAIN, grain: 'day' }, 'count', 'by placement day: 06 O1; 07 O2; 08 O3,O4; 09 O5; 10 O6,O7; 12 O8; 13 O9; 14 O10; 15 O11 (22:30Z); 16 O12; 17 O13; 19 O14', [
    { bucket: utcDay('2026-11-06'), value: 1 },
    { bucket: utcDay('2026-11-07'), value: 1 },
    { bucket: utcDay('2026-11-08'), value: 2 },
    { bucket: utcDay('2026-11-09'), value: 1 },
    { bucket: utcDay('2026-11-10'), value: 2 },
    { bucket: utcDay('2026-11-12'), value: 1 },
    { bucket: utcDay('2026-11-13'), value: 1 },
    { bucket: utcDay('2026-11-14'), value: 1 },
    { bucket: utcDay('2026-11-15'), value: 1 },
    { bucket: utcDay('2026-11-16'), value: 1 },
    { bucket: utcDay('2026-11-17'), value: 1 },
    { bucket: utcDay('2026-11-19'), value: 1 },
  ]),
  c('orders', { from: '2026-11-15', to: '2026-11-17', grain: 'day' }, 'count', 'UTC: 11-15 O11 (22:30Z) -> 1; 11-16 O12 -> 1', [
    { bucket: utcDay('2026-11-15'), value: 1 },
    { bucket: utcDay('2026-11-16'), value: 1 },
  ]),
  c('orders', { from: '2026-11-15', to: '2026-11-17', grain: 'day', tz: BUCHAREST }, 'count', 'Bucharest (UTC+2): window [11-14T22:00Z, 11-16T22:00Z); O10 11-14T15:00Z is local 11-14 (out); O11 22:30Z is local 11-16 00:30; O12 local 11-16 10:00 -> 11-16: 2, 11-15: none', [
    { bucket: bucharestDay('2026-11-16'), value: 2 },
  ]),
  c('orders', { from: '2026-11-16', to: '2026-11-17', tz: BUCHAREST }, 'count', 'Bucharest day 11-16 = [11-15T22:00Z, 11-16T22:00Z): O11, O12 -> 2 (in UTC it would be 1)', [{ value: 2 }]),

  // ---- revenue
  c('revenue', { ...MAIN }, 'money', '190+200+140+20+270+70+264+150+25+170+60+124.95+40+90 = 1813.95 (cancelled orders count: revenue of lines placed)', [{ value: 1813.95 }]),
  c('revenue', { ...MAIN, by: 'category' }, 'money', 'Tools: 190 + O3 50 + 270 + 70 + O7 6*24=144 + 25 + O10 90 + 124.95 + 90 = 1053.95; Garden: 200 + O3 90 + 20 + O7 120 + 150 + O10 80 + 60 + 40 = 760; sum 1813.95', [
    { dims: { category: 'Tools' }, value: 1053.95 },
    { dims: { category: 'Garden' }, value: 760 },
  ]),
  c('revenue', { ...MAIN, by: 'segment' }, 'money', 'retail 190+140+25+170+90 = 615; wholesale 200+270+70+264+150+60+124.95+40 = 1178.95; unknown O4 20', [
    { dims: { segment: 'retail' }, value: 615 },
    { dims: { segment: 'wholesale' }, value: 1178.95 },
    { dims: { segment: 'unknown' }, value: 20 },
  ]),
  c('revenue', { ...MAIN, by: 'supplier_id' }, 'money', 'latest supplier: HAM,DRL,SAW sup-A (saw v1 sup-B is older); HOSE,SHOV,RAKE(v2),SEED sup-B -> same split as Tools 1053.95 / Garden 760', [
    { dims: { supplier_id: 'sup-A' }, value: 1053.95 },
    { dims: { supplier_id: 'sup-B' }, value: 760 },
  ]),
  c('revenue', { ...MAIN, segment: 'wholesale' }, 'money', 'wholesale: 200+270+70+264+150+60+124.95+40 = 1178.95', [{ value: 1178.95 }]),
  c('revenue', { ...DAYS_8_TO_11 }, 'money', '11-08: O3 140 + O4 20 = 160; 11-09: O5 270; 11-10: O6 70 + O7 264 = 334', [
    { bucket: utcDay('2026-11-08'), value: 160 },
    { bucket: utcDay('2026-11-09'), value: 270 },
    { bucket: utcDay('2026-11-10'), value: 334 },
  ]),
  c('revenue', { from: '2026-11-15', to: '2026-11-17', grain: 'day', tz: BUCHAREST }, 'money', 'Bucharest 11-16: O11 60 + O12 124.95 = 184.95', [{ bucket: bucharestDay('2026-11-16'), value: 184.95 }]),

  // ---- backorder_rate
  c('backorder_rate', { ...MAIN }, 'ratio', 'orders with a backordered line: O2,O3(late),O5,O6,O7,O8,O10,O11,O14 = 9 / 14', [ratio(9, 14)]),
  c('backorder_rate', { ...MAIN, by: 'category' }, 'ratio', 'Tools: O5,O6,O7(HAM late bo),O14 = 4 / 9 (O3 HAM, O10 DRL not bo); Garden: O2,O3,O7,O8,O10,O11 = 6 / 8', [
    { dims: { category: 'Tools' }, ...ratio(4, 9) },
    { dims: { category: 'Garden' }, ...ratio(6, 8) },
  ]),
  c('backorder_rate', { ...MAIN, by: 'segment' }, 'ratio', 'retail O3,O10,O14 = 3/5; wholesale O2,O5,O6,O7,O8,O11 = 6/8; unknown O4: 0/1', [
    { dims: { segment: 'retail' }, ...ratio(3, 5) },
    { dims: { segment: 'wholesale' }, ...ratio(6, 8) },
    { dims: { segment: 'unknown' }, ...ratio(0, 1) },
  ]),
  c('backorder_rate', { ...MAIN, category: 'Tools' }, 'ratio', 'filter Tools: 4 / 9', [ratio(4, 9)]),
  c('backorder_rate', { ...DAYS_8_TO_11 }, 'ratio', '11-08: O3 (order.backordered arrived 11-12, counts for 11-08), O4 no -> 1/2; 11-09: O5 1/1; 11-10: O6, O7 2/2', [
    { bucket: utcDay('2026-11-08'), ...ratio(1, 2) },
    { bucket: utcDay('2026-11-09'), ...ratio(1, 1) },
    { bucket: utcDay('2026-11-10'), ...ratio(2, 2) },
  ]),

  // ---- line_backorder_rate
  c('line_backorder_rate', { ...MAIN }, 'ratio', 'bo lines: O2 HOSE, O3 SHOV, O5 DRL, O6 SAW, O7 HOSE, O7 HAM, O8 RAKE, O10 SEED, O11 SHOV, O14 DRL = 10 / 18 lines', [ratio(10, 18)]),
  c('line_backorder_rate', { ...MAIN, by: 'category' }, 'ratio', 'Tools lines 10 (O1x2,O3,O5,O6,O7,O9,O10,O12,O14), bo O5,O6,O7,O14 -> 4/10; Garden lines 8, bo O2,O3,O7,O8,O10,O11 -> 6/8', [
    { dims: { category: 'Tools' }, ...ratio(4, 10) },
    { dims: { category: 'Garden' }, ...ratio(6, 8) },
  ]),
  c('line_backorder_rate', { ...DAYS_8_TO_11 }, 'ratio', '11-08: O3 HAM, O3 SHOV(bo), O4 SEED -> 1/3; 11-09: 1/1; 11-10: O6 SAW, O7 HOSE, O7 HAM all bo -> 3/3', [
    { bucket: utcDay('2026-11-08'), ...ratio(1, 3) },
    { bucket: utcDay('2026-11-09'), ...ratio(1, 1) },
    { bucket: utcDay('2026-11-10'), ...ratio(3, 3) },
  ]),

  // ---- fill_rate
  c('fill_rate', { ...MAIN }, 'ratio', 'units 5+10+5+5+3+2+12+10+1+21+2+5+2+1 = 84; bo 4+2+3+1+5+10+20+1+1 = 47 (O8 capped 12->10) -> (84-47)/84 = 37/84', [ratio(37, 84)]),
  c('fill_rate', { ...MAIN, by: 'category' }, 'ratio', 'Tools units 5+2+3+2+6+1+1+5+1 = 26, bo 3+1+2+1 = 7 -> 19/26; Garden units 10+3+5+6+10+20+2+2 = 58, bo 4+2+3+10+20+1 = 40 -> 18/58', [
    { dims: { category: 'Tools' }, ...ratio(19, 26) },
    { dims: { category: 'Garden' }, ...ratio(18, 58) },
  ]),
  c('fill_rate', { ...DAYS_8_TO_11 }, 'ratio', '11-08: units 5+5=10, bo 2 -> 8/10; 11-09: 3, bo 3 -> 0/3; 11-10: 2+12=14, bo 1+3+2=6 -> 8/14', [
    { bucket: utcDay('2026-11-08'), ...ratio(8, 10) },
    { bucket: utcDay('2026-11-09'), ...ratio(0, 3) },
    { bucket: utcDay('2026-11-10'), ...ratio(8, 14) },
  ]),

  // ---- open_backorder_units / open_backorder_value
  c('open_backorder_units', { ...MAIN }, 'count', 'open: O3 SHOV 2 + O8 RAKE 10 + O10 SEED 20-5=15 + O11 SHOV 1 + O14 DRL 1 = 29 (O5, O7 cancelled; O2, O6 filled)', [{ value: 29 }]),
  c('open_backorder_units', { ...MAIN, by: 'category' }, 'count', 'Tools: O14 DRL 1; Garden: 2+10+15+1 = 28', [
    { dims: { category: 'Tools' }, value: 1 },
    { dims: { category: 'Garden' }, value: 28 },
  ]),
  c('open_backorder_units', { ...MAIN, category: 'Tools' }, 'count', 'filter Tools: O14 DRL 1 (O5 DRL cancelled, O6 SAW filled, O7 HAM cancelled)', [{ value: 1 }]),
  c('open_backorder_units', { ...DAYS_8_TO_11 }, 'count', '11-08: O3 SHOV 2; 11-09: O5 cancelled 0; 11-10: O6 filled, O7 cancelled 0', [
    { bucket: utcDay('2026-11-08'), value: 2 },
    { bucket: utcDay('2026-11-09'), value: 0, mayBeAbsent: true },
    { bucket: utcDay('2026-11-10'), value: 0, mayBeAbsent: true },
  ]),
  c('open_backorder_value', { ...MAIN }, 'money', '2*30 + 10*15 + 15*4 + 1*30 + 1*90 = 60+150+60+30+90 = 390', [{ value: 390 }]),
  c('open_backorder_value', { ...MAIN, by: 'category' }, 'money', 'Tools: 1*90 = 90; Garden: 60+150+60+30 = 300', [
    { dims: { category: 'Tools' }, value: 90 },
    { dims: { category: 'Garden' }, value: 300 },
  ]),
  c('open_backorder_value', { ...DAYS_8_TO_11 }, 'money', '11-08: O3 SHOV 2*30 = 60', [
    { bucket: utcDay('2026-11-08'), value: 60 },
    { bucket: utcDay('2026-11-09'), value: 0, mayBeAbsent: true },
    { bucket: utcDay('2026-11-10'), value: 0, mayBeAbsent: true },
  ]),

  // ---- backorder_age_days (NOW 11-20T12:00Z)
  c('backorder_age_days', { ...MAIN }, 'ratio', 'open lines: O3 11-08T14:00 286h, O8 11-12T10:00 194h, O10 11-14T15:00 141h, O11 11-15T22:30 109.5h, O14 11-19T09:00 27h; 757.5h/24 = 31.5625 d / 5 = 6.3125', [ratio(757.5 / 24, 5)]),
  c('backorder_age_days', { ...MAIN, by: 'category' }, 'ratio', 'Tools: O14 27h = 1.125 d / 1; Garden: (286+194+141+109.5)h = 730.5h = 30.4375 d / 4 = 7.609375', [
    { dims: { category: 'Tools' }, ...ratio(27 / 24, 1) },
    { dims: { category: 'Garden' }, ...ratio(730.5 / 24, 4) },
  ]),
  c('backorder_age_days', { from: '2026-11-12', to: '2026-11-16', grain: 'day' }, 'ratio', '11-12: O8 194h/24 / 1; 11-13: O9 has no backorder (no open line); 11-14: O10 141h = 5.875 / 1; 11-15: O11 109.5h = 4.5625 / 1', [
    { bucket: utcDay('2026-11-12'), ...ratio(194 / 24, 1) },
    { bucket: utcDay('2026-11-14'), ...ratio(141 / 24, 1) },
    { bucket: utcDay('2026-11-15'), ...ratio(109.5 / 24, 1) },
  ]),

  // ---- lost_sales / lost_margin
  c('lost_sales', { ...MAIN }, 'money', 'O5 DRL cx (3-1)=2 * 90 = 180; O7 HAM cx (2-1)=1 * 24 = 24; O7 HOSE cx 3-3 = 0; O9 reinstated -> 204', [{ value: 204 }]),
  c('lost_sales', { ...MAIN, by: 'category' }, 'money', 'Tools: 180 + 24 = 204; Garden: O7 HOSE fully filled -> 0', [
    { dims: { category: 'Tools' }, value: 204 },
    { dims: { category: 'Garden' }, value: 0, mayBeAbsent: true },
  ]),
  c('lost_sales', { ...MAIN, by: 'segment' }, 'money', 'O5 (C5, segment known only from batch 3) 180 + O7 (C4) 24 -> wholesale 204', [
    { dims: { segment: 'wholesale' }, value: 204 },
    { dims: { segment: 'retail' }, value: 0, mayBeAbsent: true },
    { dims: { segment: 'unknown' }, value: 0, mayBeAbsent: true },
  ]),
  c('lost_sales', { ...DAYS_8_TO_11 }, 'money', '11-09: O5 180; 11-10: O7 24 (cancelled 11-15, counts for placement day)', [
    { bucket: utcDay('2026-11-08'), value: 0, mayBeAbsent: true },
    { bucket: utcDay('2026-11-09'), value: 180 },
    { bucket: utcDay('2026-11-10'), value: 24 },
  ]),
  c('lost_margin', { ...MAIN }, 'money', 'O5 2*(90-40) = 100; O7 HAM 1*(24-10) = 14 -> 114', [{ value: 114 }]),
  c('lost_margin', { ...MAIN, by: 'category' }, 'money', 'Tools 100 + 14 = 114; Garden 0', [
    { dims: { category: 'Tools' }, value: 114 },
    { dims: { category: 'Garden' }, value: 0, mayBeAbsent: true },
  ]),
  c('lost_margin', { ...DAYS_8_TO_11 }, 'money', '11-09: 100; 11-10: 14', [
    { bucket: utcDay('2026-11-08'), value: 0, mayBeAbsent: true },
    { bucket: utcDay('2026-11-09'), value: 100 },
    { bucket: utcDay('2026-11-10'), value: 14 },
  ]),

  // ---- expedite_cost / backorder_cost / backorder_cost_pct
  c('expedite_cost', { ...MAIN }, 'money', 'backorder:true shipments of orders placed in window: SH3 (O2) 15.5 + SH5 (O7) 40 + SH7 (O10) 8.25 = 63.75; not SH1 (backorder:false), SH0 (O0b 10-30), SH9 (order never placed)', [{ value: 63.75 }]),
  c('expedite_cost', { ...MAIN, by: 'category' }, 'money', 'SH5 lines HOSE 3 : HAM 1 -> 40*3/4 = 30 Garden, 40*1/4 = 10 Tools; Garden 15.5 + 30 + 8.25 = 53.75; Tools 10', [
    { dims: { category: 'Tools' }, value: 10 },
    { dims: { category: 'Garden' }, value: 53.75 },
  ]),
  c('expedite_cost', { ...MAIN, by: 'carrier' }, 'money', 'UPS: SH3 15.5 + SH7 8.25 = 23.75; DHL: SH5 40', [
    { dims: { carrier: 'UPS' }, value: 23.75 },
    { dims: { carrier: 'DHL' }, value: 40 },
  ]),
  c('expedite_cost', { ...MAIN, grain: 'day' }, 'money', 'by ORDER placement day: 11-07 O2 15.5; 11-10 O7 40 (shipped 11-12); 11-14 O10 8.25 (shipped 11-16)', [
    { bucket: utcDay('2026-11-07'), value: 15.5 },
    { bucket: utcDay('2026-11-10'), value: 40 },
    { bucket: utcDay('2026-11-14'), value: 8.25 },
  ]),
  c('backorder_cost', { ...MAIN }, 'money', 'lost_margin 114 + expedite_cost 63.75 = 177.75', [{ value: 177.75 }]),
  c('backorder_cost', { ...MAIN, by: 'category' }, 'money', 'Tools 114 + 10 = 124; Garden 0 + 53.75 = 53.75', [
    { dims: { category: 'Tools' }, value: 124 },
    { dims: { category: 'Garden' }, value: 53.75 },
  ]),
  c('backorder_cost', { ...MAIN, grain: 'day' }, 'money', '11-07: 0 + 15.5; 11-09: 100 + 0; 11-10: 14 + 40 = 54; 11-14: 0 + 8.25', [
    { bucket: utcDay('2026-11-07'), value: 15.5 },
    { bucket: utcDay('2026-11-09'), value: 100 },
    { bucket: utcDay('2026-11-10'), value: 54 },
    { bucket: utcDay('2026-11-14'), value: 8.25 },
  ]),
  c('backorder_cost_pct', { ...MAIN }, 'ratio', 'backorder_cost 177.75 / revenue 1813.95', [ratio(177.75, 1813.95)]),
  c('backorder_cost_pct', { ...MAIN, by: 'category' }, 'ratio', 'Tools 124 / 1053.95; Garden 53.75 / 760', [
    { dims: { category: 'Tools' }, ...ratio(124, 1053.95) },
    { dims: { category: 'Garden' }, ...ratio(53.75, 760) },
  ]),
  c('backorder_cost_pct', { ...DAYS_8_TO_11 }, 'ratio', '11-08: 0 / 160; 11-09: 100 / 270; 11-10: (14 + 40) / 334', [
    { bucket: utcDay('2026-11-08'), ...ratio(0, 160) },
    { bucket: utcDay('2026-11-09'), ...ratio(100, 270) },
    { bucket: utcDay('2026-11-10'), ...ratio(54, 334) },
  ]),

  // ---- cancellation_rate
  c('cancellation_rate', { ...MAIN }, 'ratio', 'latest status cancelled: O5 (confirmed -> cancelled), O7 (.. -> cancelled) = 2 / 14; O9 cancelled then confirmed, packed: not cancelled', [ratio(2, 14)]),
  c('cancellation_rate', { ...MAIN, by: 'category' }, 'ratio', 'Tools: O5, O7 -> 2/9; Garden: O7 -> 1/8', [
    { dims: { category: 'Tools' }, ...ratio(2, 9) },
    { dims: { category: 'Garden' }, ...ratio(1, 8) },
  ]),
  c('cancellation_rate', { ...MAIN, by: 'segment' }, 'ratio', 'retail 0/5; wholesale O5 (C5), O7 (C4) 2/8; unknown 0/1', [
    { dims: { segment: 'retail' }, ...ratio(0, 5) },
    { dims: { segment: 'wholesale' }, ...ratio(2, 8) },
    { dims: { segment: 'unknown' }, ...ratio(0, 1) },
  ]),
  c('cancellation_rate', { ...DAYS_8_TO_11 }, 'ratio', '11-08: 0/2; 11-09: O5 1/1; 11-10: O7 1/2', [
    { bucket: utcDay('2026-11-08'), ...ratio(0, 2) },
    { bucket: utcDay('2026-11-09'), ...ratio(1, 1) },
    { bucket: utcDay('2026-11-10'), ...ratio(1, 2) },
  ]),
];

/**
 * Checked after batches 1 and 2 only: C5's customer.upserted and GD-SEED's
 * product.upserted have not arrived, so their facts sit under `unknown`.
 */
export const midFlowCases: GoldenCase[] = [
  c('orders', { ...MAIN, by: 'segment' }, 'count', 'C5 not known yet: retail 5; wholesale O2,O6,O7,O8,O11 = 5; unknown O4 (C6) + O5,O12,O13 (C5) = 4', [
    { dims: { segment: 'retail' }, value: 5 },
    { dims: { segment: 'wholesale' }, value: 5 },
    { dims: { segment: 'unknown' }, value: 4 },
  ]),
  c('orders', { ...MAIN, by: 'category' }, 'count', 'GD-SEED not known yet: Tools 9; Garden O2,O3,O7,O8,O11,O13 = 6 (RAKE v2 already Garden); unknown O4, O10 (SEED lines) = 2', [
    { dims: { category: 'Tools' }, value: 9 },
    { dims: { category: 'Garden' }, value: 6 },
    { dims: { category: 'unknown' }, value: 2 },
  ]),
];
