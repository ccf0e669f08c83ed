import { MAIN, OPEN, goldenCase as c, ratio, utcDay, type GoldenCase } from './golden-case.js';

/*
 * Inventory KPIs. Latest unit_cost: HAM 10, DRL 40, HOSE 8, SHOV 12, RAKE 6 (v2; v1 said 5),
 * SAW 15 (v2; the late, older v1 says 99), SEED 2; XX-UNK unknown -> value 0. Reorder points:
 * HAM 20, DRL 5, HOSE 10, RAKE 8, SAW 3, SEED 30, LVL 2 (no stock), SHOV/POT 0 (excluded).
 *
 * On-hand per (sku, warehouse), by occurred_at (ties by id), before the window (11-06T00:00Z):
 *   HAM main 50, HAM east 10, DRL main 10, HOSE main 30-5 = 25, SHOV east 10, RAKE main 20, UNK main 7
 *   -> 132 units; value 600 + 400 + 200 + 120 + 120 = 1440.
 * Changes (value delta) and end-of-day (EOD) totals, main | east:
 *   11-06 HAM main sale -4 (-40)                                   EOD 1400 = 1180 | 220   units 128
 *   11-07 HAM main count 45, on-hand before 46 -> disc. (-10)        EOD 1390 = 1170 | 220   units 127
 *   11-08 HOSE main sale -6 (-48); SHOV east count 10 (id 13a, before 10: no disc.),
 *         then SHOV east sale -1 (id 13b, same instant) (-12)      EOD 1330 = 1122 | 208   units 120
 *   11-09 HAM transfer main -10 / east +10 (0)                     EOD 1330 = 1022 | 308   units 120
 *   11-10 SAW east receipt +6 (+90)                                EOD 1420 = 1022 | 398   units 126
 *   11-11 DRL main sale -2 (-80)                                   EOD 1340 =  942 | 398   units 124
 *   11-12 SAW east sale -1 (-15); HOSE main return +1 (+8)         EOD 1333 =  950 | 383   units 124
 *   11-13 RAKE damage -2 (-12)                                     EOD 1321 =  938 | 383   units 122
 *   11-14 RAKE count 15, before 18 -> disc. (-18); adjustment +1 (+6) EOD 1309 = 926 | 383  units 120
 *   11-15 HAM main sale -5 (-50)                                   EOD 1259 =  876 | 383   units 115
 *   11-16 SEED receipt +12 (+24)                                   EOD 1283 =  900 | 383   units 127
 *   11-17 HAM east count 20, before 20: no disc. (0)               EOD 1283 =  900 | 383   units 127
 *   11-18 HOSE main sale -12 (-96)                                 EOD 1187 =  804 | 383   units 115
 *   11-19 —                                                        EOD 1187 =  804 | 383   units 115
 *   11-20 08:00 DRL sale -2 (-80); 09:00 SHOV east count 8, before 9 -> disc. (-12);
 *         10:00 HOSE east count 2, no earlier event -> before 0, disc. (+16)  at NOW: 1111, units 114
 *         18:00 HAM receipt +40: after NOW, not on hand yet.
 * End of main window (11-20T00:00Z), per (sku, wh): HAM main 30, HAM east 20, DRL 8, HOSE main 8,
 *   SHOV east 9, RAKE 16, SAW east 5, SEED 12, UNK 7 -> 115 units; value 300+200+320+64+108+96+75+24 = 1187.
 * At NOW: DRL 6, SHOV east 8, HOSE east 2 -> 114 units; value 1187 - 80 - 12 + 16 = 1111.
 * Sum of EOD values 11-06..11-19: 1400+1390+1330+1330+1420+1340+1333+1321+1309+1259+1283+1283+1187+1187 = 18372
 *   main: 1180+1170+1122+1022+1022+942+950+938+926+876+900+900+804+804 = 13556; east: 220+220+208+308+398+398+383*8 = 4816.
 * cogs (sales in window): HAM 4*10 + HOSE 6*8 + SHOV 1*12 + DRL 2*40 + SAW 1*15 + HAM 5*10 + HOSE 12*8
 *   = 40+48+12+80+15+50+96 = 341 (main 314, east 27; Tools 185, Garden 156). HOSE 11-03 and DRL 11-20 are outside.
 */

const DAYS_17_TO_NOW = { from: '2026-11-17', to: '2026-11-21', grain: 'day' } as const;

export const inventoryCases: GoldenCase[] = [
  // ---- on_hand_units / inventory_value
  c('on_hand_units', { ...MAIN }, 'count', 'end of period = min(to, now) = 11-20T00:00Z: 30+20+8+8+9+16+5+12+7 = 115', [{ value: 115 }]),
  c('on_hand_units', { ...OPEN }, 'count', 'to after NOW -> at NOW: 115 - 2 (DRL) - 1 (SHOV count 8) + 2 (HOSE east count) = 114; the 18:00 receipt is after NOW', [{ value: 114 }]),
  c('on_hand_units', { ...MAIN, by: 'warehouse' }, 'count', 'main HAM 30 + DRL 8 + HOSE 8 + RAKE 16 + SEED 12 + UNK 7 = 81; east HAM 20 + SHOV 9 + SAW 5 = 34', [
    { dims: { warehouse: 'main' }, value: 81 },
    { dims: { warehouse: 'east' }, value: 34 },
  ]),
  c('on_hand_units', { ...MAIN, by: 'category' }, 'count', 'Tools HAM 50 + DRL 8 + SAW 5 = 63; Garden HOSE 8 + SHOV 9 + RAKE 16 + SEED 12 = 45; unknown XX-UNK 7', [
    { dims: { category: 'Tools' }, value: 63 },
    { dims: { category: 'Garden' }, value: 45 },
    { dims: { category: 'unknown' }, value: 7 },
  ]),
  c('on_hand_units', { ...MAIN, category: 'Tools' }, 'count', 'filter Tools: 50 + 8 + 5 = 63', [{ value: 63 }]),
  c('on_hand_units', { ...DAYS_17_TO_NOW }, 'count', 'EOD 11-17 127; 11-18 115; 11-19 115 (no event that day); 11-20 taken at NOW: 114', [
    { bucket: utcDay('2026-11-17'), value: 127 },
    { bucket: utcDay('2026-11-18'), value: 115 },
    { bucket: utcDay('2026-11-19'), value: 115 },
    { bucket: utcDay('2026-11-20'), value: 114 },
  ]),
  c('inventory_value', { ...MAIN }, 'money', 'HAM 50*10 + DRL 8*40 + HOSE 8*8 + SHOV 9*12 + RAKE 16*6 + SAW 5*15 + SEED 12*2 + UNK 0 = 500+320+64+108+96+75+24 = 1187', [{ value: 1187 }]),
  c('inventory_value', { ...OPEN }, 'money', 'at NOW: 1187 - 2*40 - 1*12 + 2*8 = 1111', [{ value: 1111 }]),
  c('inventory_value', { ...MAIN, by: 'warehouse' }, 'money', 'main 300+320+64+96+24+0 = 804; east 200+108+75 = 383', [
    { dims: { warehouse: 'main' }, value: 804 },
    { dims: { warehouse: 'east' }, value: 383 },
  ]),
  c('inventory_value', { ...MAIN, by: 'category' }, 'money', 'Tools 500+320+75 = 895 (SAW at 15, not 99); Garden 64+108+96+24 = 292 (RAKE at 6, not 5); unknown 7 units at value 0', [
    { dims: { category: 'Tools' }, value: 895 },
    { dims: { category: 'Garden' }, value: 292 },
    { dims: { category: 'unknown' }, value: 0, mayBeAbsent: true },
  ]),
  c('inventory_value', { ...DAYS_17_TO_NOW }, 'money', 'EOD 11-17 1283; 11-18 1187; 11-19 1187; 11-20 at NOW 1111', [
    { bucket: utcDay('2026-11-17'), value: 1283 },
    { bucket: utcDay('2026-11-18'), value: 1187 },
    { bucket: utcDay('2026-11-19'), value: 1187 },
    { bucket: utcDay('2026-11-20'), value: 1111 },
  ]),

  // ---- cogs
  c('cogs', { ...MAIN }, 'money', '40+48+12+80+15+50+96 = 341', [{ value: 341 }]),
  c('cogs', { ...MAIN, by: 'category' }, 'money', 'Tools HAM 40+50 + DRL 80 + SAW 15 = 185; Garden HOSE 48+96 + SHOV 12 = 156', [
    { dims: { category: 'Tools' }, value: 185 },
    { dims: { category: 'Garden' }, value: 156 },
  ]),
  c('cogs', { ...MAIN, by: 'warehouse' }, 'money', 'main 40+48+80+50+96 = 314; east SHOV 12 + SAW 15 = 27', [
    { dims: { warehouse: 'main' }, value: 314 },
    { dims: { warehouse: 'east' }, value: 27 },
  ]),
  c('cogs', { ...MAIN, grain: 'day' }, 'money', '11-06 40; 11-08 48+12 = 60; 11-11 80; 11-12 15; 11-15 50; 11-18 96', [
    { bucket: utcDay('2026-11-06'), value: 40 },
    { bucket: utcDay('2026-11-08'), value: 60 },
    { bucket: utcDay('2026-11-11'), value: 80 },
    { bucket: utcDay('2026-11-12'), value: 15 },
    { bucket: utcDay('2026-11-15'), value: 50 },
    { bucket: utcDay('2026-11-18'), value: 96 },
  ]),

  // ---- avg_inventory_value / inventory_turnover / days_of_inventory
  c('avg_inventory_value', { ...MAIN }, 'money', 'sum of EOD values 11-06..11-19 = 18372 / 14 days = 1312.2857…', [ratio(18372, 14)]),
  c('avg_inventory_value', { ...OPEN }, 'money', 'days 11-13..11-20 (8 days start before NOW): 1321+1309+1259+1283+1283+1187+1187 + 1111 (11-20 at NOW) = 9940 / 8 = 1242.5', [ratio(9940, 8)]),
  c('avg_inventory_value', { ...MAIN, by: 'warehouse' }, 'money', 'main 13556 / 14; east (220+220+208+308+398+398+383*8 = 4816) / 14 = 344', [
    { dims: { warehouse: 'main' }, ...ratio(13556, 14) },
    { dims: { warehouse: 'east' }, ...ratio(4816, 14) },
  ]),
  c('avg_inventory_value', { ...DAYS_17_TO_NOW }, 'money', 'a day bucket is one day: 1283/1, 1187/1, 1187/1, 1111/1 (11-20 at NOW)', [
    { bucket: utcDay('2026-11-17'), ...ratio(1283, 1) },
    { bucket: utcDay('2026-11-18'), ...ratio(1187, 1) },
    { bucket: utcDay('2026-11-19'), ...ratio(1187, 1) },
    { bucket: utcDay('2026-11-20'), ...ratio(1111, 1) },
  ]),
  c('inventory_turnover', { ...MAIN }, 'ratio', 'cogs 341 / avg (18372/14) = 4774/18372', [ratio(341, 18372 / 14)]),
  c('inventory_turnover', { ...MAIN, by: 'warehouse' }, 'ratio', 'main 314 / (13556/14); east 27 / (4816/14 = 344)', [
    { dims: { warehouse: 'main' }, ...ratio(314, 13556 / 14) },
    { dims: { warehouse: 'east' }, ...ratio(27, 4816 / 14) },
  ]),
  c('inventory_turnover', { from: '2026-11-11', to: '2026-11-13', grain: 'day' }, 'ratio', '11-11: cogs 80 / EOD 1340; 11-12: 15 / 1333', [
    { bucket: utcDay('2026-11-11'), ...ratio(80, 1340) },
    { bucket: utcDay('2026-11-12'), ...ratio(15, 1333) },
  ]),
  c('days_of_inventory', { ...MAIN }, 'ratio', '14 days / turnover (341 / (18372/14)) = 18372/341 = 53.8768…', [ratio(14, 341 / (18372 / 14))]),
  c('days_of_inventory', { ...MAIN, by: 'warehouse' }, 'ratio', 'main 14 / (314/(13556/14)) = 13556/314; east 14 / (27/344) = 4816/27', [
    { dims: { warehouse: 'main' }, ...ratio(14, 314 / (13556 / 14)) },
    { dims: { warehouse: 'east' }, ...ratio(14, 27 / (4816 / 14)) },
  ]),
  c('days_of_inventory', { from: '2026-11-11', to: '2026-11-13', grain: 'day' }, 'ratio', '11-11: 1 / (80/1340) = 16.75; 11-12: 1 / (15/1333) = 88.866…', [
    { bucket: utcDay('2026-11-11'), ...ratio(1, 80 / 1340) },
    { bucket: utcDay('2026-11-12'), ...ratio(1, 15 / 1333) },
  ]),

  // ---- stock_to_sales
  c('stock_to_sales', { ...MAIN }, 'ratio', 'inventory_value at end 1187 / revenue 1813.95', [ratio(1187, 1813.95)]),
  c('stock_to_sales', { ...MAIN, by: 'category' }, 'ratio', 'Tools 895 / 1053.95; Garden 292 / 760 (unknown: 0 / 0, no value)', [
    { dims: { category: 'Tools' }, ...ratio(895, 1053.95) },
    { dims: { category: 'Garden' }, ...ratio(292, 760) },
  ]),
  c('stock_to_sales', { from: '2026-11-08', to: '2026-11-11', grain: 'day' }, 'ratio', '11-08: EOD 1330 / 160; 11-09: 1330 / 270; 11-10: 1420 / 334', [
    { bucket: utcDay('2026-11-08'), ...ratio(1330, 160) },
    { bucket: utcDay('2026-11-09'), ...ratio(1330, 270) },
    { bucket: utcDay('2026-11-10'), ...ratio(1420, 334) },
  ]),

  // ---- below_reorder_point
  c('below_reorder_point', { ...MAIN }, 'count', 'at 11-20T00:00Z: HOSE 8 <= 10, SEED 12 <= 30, LVL 0 (no stock events) <= 2 -> 3; HAM 50 > 20, DRL 8 > 5, RAKE 16 > 8, SAW 5 > 3; SHOV, POT have reorder_point 0; XX-UNK unknown', [{ value: 3 }]),
  c('below_reorder_point', { ...OPEN }, 'count', 'at NOW: HOSE 8 + 2 (east) = 10 <= 10, SEED 12, LVL 0 -> 3; DRL 6 > 5', [{ value: 3 }]),
  c('below_reorder_point', { ...MAIN, by: 'category' }, 'count', 'Tools: LVL -> 1; Garden: HOSE, SEED -> 2', [
    { dims: { category: 'Tools' }, value: 1 },
    { dims: { category: 'Garden' }, value: 2 },
  ]),
  c('below_reorder_point', { from: '2026-11-17', to: '2026-11-19', grain: 'day' }, 'count', 'EOD 11-17: HOSE 20 > 10; SEED 12, LVL 0 -> 2; EOD 11-18: HOSE 8 -> 3', [
    { bucket: utcDay('2026-11-17'), value: 2 },
    { bucket: utcDay('2026-11-18'), value: 3 },
  ]),

  // ---- stock_discrepancy_rate
  c('stock_discrepancy_rate', { ...MAIN }, 'ratio', 'counts in window: HAM main 45 vs 46 (receipt arrived later, in batch 3) yes; SHOV east 10 vs 10 (count sorts before the same-instant sale by id) no; RAKE 15 vs 18 yes; HAM east 20 vs 20 no -> 2/4', [ratio(2, 4)]),
  c('stock_discrepancy_rate', { ...OPEN }, 'ratio', 'counts 11-13..NOW: RAKE yes; HAM east no; SHOV east 8 vs 9 yes; HOSE east 2 vs 0 (no earlier event) yes -> 3/4', [ratio(3, 4)]),
  c('stock_discrepancy_rate', { ...MAIN, by: 'warehouse' }, 'ratio', 'main: HAM, RAKE both differ -> 2/2; east: SHOV, HAM both match -> 0/2', [
    { dims: { warehouse: 'main' }, ...ratio(2, 2) },
    { dims: { warehouse: 'east' }, ...ratio(0, 2) },
  ]),
  c('stock_discrepancy_rate', { from: '2026-11-07', to: '2026-11-09', grain: 'day' }, 'ratio', '11-07: HAM main 1/1; 11-08: SHOV east 0/1', [
    { bucket: utcDay('2026-11-07'), ...ratio(1, 1) },
    { bucket: utcDay('2026-11-08'), ...ratio(0, 1) },
  ]),
];
