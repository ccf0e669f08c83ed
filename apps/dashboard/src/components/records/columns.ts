// How record columns are shown: one definition per column of the records the API returns
// (orders, lines, shipments, feedback, stock positions, movements, counts). Client-safe.

export type CellKind = 'time' | 'date' | 'number' | 'money' | 'score' | 'bool' | 'id' | 'text';

const MONEY = new Set(['unit_price', 'revenue', 'unit_cost', 'value', 'cogs', 'expedite_cost']);
const NUMBERS = new Set([
  'qty',
  'backordered',
  'filled',
  'cancelled_backorder',
  'open_backorder',
  'lines',
  'units',
  'backordered_units',
  'open_backorder_units',
  'on_hand',
  'reorder_point',
  'qty_delta',
  'on_hand_before',
  'counted_qty',
  'difference',
  'limit_hours',
  'nps',
]);
const TIMES = new Set(['placed_at', 'submitted_at', 'occurred_at', 'counted_at', 'delivered_at', 'dispatched_at', 'stage_since']);
const DATES = new Set(['promised_date', 'latest_eta']);
const BOOLS = new Set(['cancelled', 'has_backorder', 'had_backorder', 'on_time']);

export function cellKind(column: string): CellKind {
  if (TIMES.has(column)) return 'time';
  if (DATES.has(column)) return 'date';
  if (MONEY.has(column)) return 'money';
  if (column === 'sentiment') return 'score';
  if (NUMBERS.has(column)) return 'number';
  if (BOOLS.has(column)) return 'bool';
  if (column === 'text') return 'text';
  return 'id';
}

export function columnLabel(column: string): string {
  const label = column.replace(/_/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatCell(column: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (cellKind(column)) {
    case 'time':
      return typeof value === 'string' ? value.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : String(value);
    case 'money':
      return typeof value === 'number' ? money.format(value) : String(value);
    case 'number':
      return typeof value === 'number' ? num.format(value) : String(value);
    case 'score':
      return typeof value === 'number' ? value.toFixed(3) : String(value);
    case 'bool':
      return value === true || value === 1 || value === 'true' ? 'yes' : 'no';
    default:
      return String(value);
  }
}

export const isNumeric = (column: string) => ['money', 'number', 'score'].includes(cellKind(column));
