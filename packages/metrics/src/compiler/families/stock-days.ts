import { PARAM } from '../sql.js';

/*
 * On-hand per (sku, warehouse) per metrics.md — a running sum of qty_delta, reset to
 * counted_qty by each count, in (occurred_at, event_id) order — computed unit by unit
 * (days in tz, or hours) instead of event by event: window functions over every stock
 * event up to the end of the period took a second at 10M events.
 *
 * - The counts are read first (under 1% of stock events). A pair's on-hand from a time on
 *   depends only on its events from its last count before that time, so the scan skips
 *   the pair's earlier events (~70% of them at 10M events with a 30-day period).
 * - One scan sums the moves of each (sku, warehouse, unit). A unit with counts also keeps
 *   its events, replayed in order: it ends at its last count plus the moves after it.
 * - Per pair, the same reset-sum over its units, in arrays, then its on-hand at the end of
 *   every grid unit ({grid}: unit starts as epoch seconds).
 *
 * Duplicates (an event re-inserted before the ReplacingMergeTree merged it away) must not
 * count twice: the scan reads FINAL. Its filters run before FINAL (PREWHERE): copies of an
 * event are identical rows, so filtering first keeps all of them or none.
 */

export type StockUnit = 'day' | 'hour';

/**
 * Unit start (epoch seconds) of an event: its day in tz; for `hour`, its hour in tz from
 * the grid's first unit on and its day before (no snapshot before the grid is read).
 */
function unitOfEventSql(unit: StockUnit): string {
  const day = 'toStartOfDay(toDateTime(occurred_at, {tz:String}))';
  if (unit === 'day') return `toUInt32(toUnixTimestamp(${day}))`;
  return `toUInt32(toUnixTimestamp(if(toUnixTimestamp(occurred_at) < {grid_from:UInt32}, ${day}, toStartOfHour(toDateTime(occurred_at, {tz:String})))))`;
}

/**
 * On-hand after each element of `steps`, an array of tuples (time, tie-break, is_reset,
 * delta, reset_to) in order, starting from `start`: events (a count resets) or units.
 */
export function levelsAfterSql(steps: string, start: string): string {
  // Deltas summed up to each step; each step sees the last reset at or before it
  // (is_reset, deltas up to it, reset_to), carried forward by arrayFill.
  const sums = `arrayCumSum(arrayMap(s -> if(s.3, toInt64(0), s.4), ${steps}))`;
  return `arrayMap((r, m) -> if(r.1, r.3 + m - r.2, ${start} + m),
    arrayFill(r -> r.1, arrayMap((s, m) -> (s.3, m, s.5), ${steps}, ${sums})), ${sums})`;
}

/** (sku, warehouse) as one string, exactly: the length prefix says where sku ends. */
const PAIR_KEY = "concat(toString(length(sku)), ':', sku, warehouse)";

/**
 * What the counts tell before the scan, in one scalar for transform(): (1) pairs with a
 * count before `since` and (2) the second of their last such count — on-hand from `since`
 * on does not depend on the events before it; (3) hashes of the (sku, warehouse, unit) with
 * counts, and (4) as many 1s.
 */
function countsSql(unit: StockUnit, since: string): string {
  return `(SELECT (groupArrayIf(pair, checkpoint > 0), groupArrayIf(checkpoint, checkpoint > 0), arrayFlatten(groupArray(units)), arrayMap(u -> toUInt8(1), arrayFlatten(groupArray(units))))
    FROM (
      SELECT ${PAIR_KEY} AS pair, toUInt32(maxIf(toUnixTimestamp(occurred_at), occurred_at < ${since})) AS checkpoint,
        groupUniqArray(cityHash64(sku, warehouse, ${unitOfEventSql(unit)})) AS units
      FROM stock_events PREWHERE kind = 'counted' AND occurred_at < ${PARAM.end}
      GROUP BY pair))`;
}

/**
 * Per (sku, warehouse, unit), from the pair's last count before `since` on (earlier units
 * are left out or incomplete; that count resets them): net `moves`, whether the unit has a
 * count (`counted`), with `sales`, the units `sold` in [from, end) (else 0), and for units
 * with counts their `events` (occurred_at, event_id, is_count, qty_delta, counted_qty), in
 * order. Units with counts are known by a hash: a collision only keeps the events of a
 * unit that does not need them.
 */
function unitMovesSql(unit: StockUnit, since: string, opts: { sales?: boolean } = {}): string {
  const counts = countsSql(unit, since);
  const sold = opts.sales ? `sumIf(-qty_delta, kind = 'moved' AND reason = 'sale' AND occurred_at >= ${PARAM.from})` : 'toInt64(0)';
  return `
    SELECT sku, warehouse, ${unitOfEventSql(unit)} AS unit,
      sumIf(qty_delta, kind = 'moved') AS moves, countIf(kind = 'counted') > 0 AS counted, ${sold} AS sold,
      arraySort(groupArrayIf((occurred_at, event_id, kind = 'counted', qty_delta, toInt64(counted_qty)),
        transform(cityHash64(sku, warehouse, unit), ${counts}.3, ${counts}.4, toUInt8(0)) = 1)) AS events
    FROM stock_events FINAL
    PREWHERE occurred_at < ${PARAM.end} AND toUInt32(toUnixTimestamp(occurred_at)) >= transform(${PAIR_KEY}, ${counts}.1, ${counts}.2, toUInt32(0))
    GROUP BY sku, warehouse, unit`;
}

/**
 * One row per (sku, warehouse) with stock events before the end of the period: `units`,
 * tuples (unit, 0, counted, moves, on-hand at unit end if counted, sold, events) in order,
 * and `on_hand` at the end of each of them (exact from `since` on).
 */
export function pairUnitsSql(unit: StockUnit, since: string, opts: { sales?: boolean } = {}): string {
  // The last of its levels (arrayFold is slower at this, and runs for every unit).
  const endOfCountedUnit = `arrayElement(${levelsAfterSql('events', 'toInt64(0)')}, -1)`;
  return `
    SELECT sku, warehouse,
      arraySort(groupArray((unit, toUInt8(0), counted, moves, ${endOfCountedUnit}, sold, events))) AS units,
      ${levelsAfterSql('units', 'toInt64(0)')} AS on_hand
    FROM (${unitMovesSql(unit, since, opts)})
    GROUP BY sku, warehouse`;
}

/**
 * One row per (sku, warehouse) with stock events before the end of the period: `levels`,
 * its on-hand at the end of each grid unit, aligned with {grid} (0 before its first event),
 * and with `sales`, `sold`, the units sold in each grid unit.
 */
export function pairLevelsSql(unit: StockUnit, opts: { sales?: boolean } = {}): string {
  const since = "toDateTime64({grid_from:UInt32}, 3, 'UTC')";
  // Each pair's units (with their change of on-hand and units sold) and the grid's units in
  // one sorted array, a grid unit before an event unit that starts at the same time. The
  // running sums at grid unit i cover the units before it; at i + 1 (or in all, for the
  // last), those up to its end: a unit counts in the last grid unit that starts at or before it.
  const atGridUnits = (sums: string) => `arrayFilter((c, m) -> m.2 = 0, ${sums}, merged)`;
  const upToEnd = (before: string, all: string) => `arraySlice(arrayPushBack(${before}, ${all}), 2)`;
  return `
    SELECT sku, warehouse, levels${opts.sales ? ', sold' : ''}
    FROM (
      SELECT sku, warehouse, arrayPopFront(arrayDifference(arrayPushFront(on_hand, toInt64(0)))) AS deltas,
        arraySort(arrayConcat(
          arrayMap((u, d) -> (u.1, toUInt8(1), d, u.6), units, deltas),
          arrayMap(g -> (g, toUInt8(0), toInt64(0), toInt64(0)), {grid:Array(UInt32)}))) AS merged,
        ${upToEnd(atGridUnits('arrayCumSum(arrayMap(m -> m.3, merged))'), 'arraySum(deltas)')} AS levels
        ${
          opts.sales
            ? `, ${atGridUnits('arrayCumSum(arrayMap(m -> m.4, merged))')} AS sold_before,
          arrayMap((n, b) -> n - b, ${upToEnd('sold_before', 'arraySum(arrayMap(u -> u.6, units))')}, sold_before) AS sold`
            : ''
        }
      FROM (${pairUnitsSql(unit, since, opts)}))`;
}
