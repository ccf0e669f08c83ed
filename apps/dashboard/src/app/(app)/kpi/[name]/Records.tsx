import { RecordsTable } from '@/components/records/RecordsTable';
import { FailureNotice } from '@/components/Notice';
import { getRecords } from '@/lib/api';
import { kpiParams, type Filters, type ResolvedPeriod, type SearchParams } from '@/lib/filters';
import type { KpiDefinition } from '@/lib/metrics';

const PAGE_SIZE = 50;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const TITLES: Record<KpiDefinition['records'], string> = {
  orders: 'Orders behind this number',
  lines: 'Order lines behind this number',
  shipments: 'Shipments behind this number',
  feedback: 'Feedback behind this number',
  stock: 'Stock positions behind this number',
  stock_moves: 'Stock movements behind this number',
  stock_counts: 'Stock counts behind this number',
  customers: 'Customers behind this number',
};

/** The records table of a KPI page: one page of rows from /records, state in the URL. */
export async function Records({ def, f, p, sp }: { def: KpiDefinition; f: Filters; p: ResolvedPeriod; sp: SearchParams }) {
  const sort = first(sp.sort)?.slice(0, 80) ?? '';
  const cursors = (first(sp.cursors) ?? '').split(',').filter((c) => /^[A-Za-z0-9_-]{1,40}$/.test(c));
  const { params } = kpiParams(f, def.dimensions);
  const query = { ...params, from: p.from, to: p.to, ...(sort ? { sort } : {}) };
  const answer = await getRecords(def.name, { ...query, limit: String(PAGE_SIZE), ...(cursors.length ? { cursor: cursors[cursors.length - 1] } : {}) });
  const title = TITLES[def.records];
  if (!answer.ok) {
    return (
      <section className="card records" aria-label={title}>
        <h2>{title}</h2>
        <FailureNotice failure={{ status: answer.status, message: answer.message }} what={`the records of ${def.title}`} />
      </section>
    );
  }
  const csv = new URLSearchParams({ ...query, format: 'csv', limit: '100000' });
  return (
    <RecordsTable
      kpi={def.name}
      title={title}
      columns={answer.data.columns}
      rows={answer.data.rows}
      nextCursor={answer.data.next_cursor}
      sort={sort}
      cursors={cursors}
      filterable={answer.data.columns.filter((c) => (def.dimensions as readonly string[]).includes(c))}
      csvHref={`/v1/metrics/${def.name}/records?${csv.toString()}`}
      pageSize={PAGE_SIZE}
    />
  );
}
