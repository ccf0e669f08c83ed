import Link from 'next/link';
import { getRecords } from '@/lib/api';
import { kpiParams, queryString, type Filters, type ResolvedPeriod } from '@/lib/filters';
import { kpiDef } from '@/lib/kpis';
import { FailureNotice } from './Notice';
import { cellKind, columnLabel, formatCell, isNumeric } from './records/columns';

const DAY_MS = 86_400_000;

/**
 * A short, read-only list of the records behind a KPI (most negative feedback, oldest
 * backorders, ...) with a link to the full table on the KPI page, sorted the same way.
 * `ageFrom` adds an "Age (days)" column computed from a timestamp column.
 */
export async function RecordsPreview({
  kpi,
  title,
  f,
  p,
  sort,
  columns,
  limit = 10,
  ageFrom,
}: {
  kpi: string;
  title: string;
  f: Filters;
  p: ResolvedPeriod;
  sort: string;
  columns: string[];
  limit?: number;
  ageFrom?: string;
}) {
  const def = kpiDef(kpi)!;
  const { params } = kpiParams(f, def.dimensions);
  const answer = await getRecords(kpi, { ...params, from: p.from, to: p.to, sort, limit: String(limit) });
  const id = `preview-${kpi}-${sort.replace(/\W/g, '')}`;
  const nowMs = Date.now();
  return (
    <section className="card preview" aria-labelledby={id}>
      <header className="chart__head">
        <h3 id={id}>{title}</h3>
        <span className="chart__kpi">
          KPI: <code>{kpi}</code>
        </span>
      </header>
      {!answer.ok ? (
        <FailureNotice failure={{ status: answer.status, message: answer.message }} what={`the records of ${def.title}`} />
      ) : answer.data.rows.length === 0 ? (
        <p className="muted">None in this period.</p>
      ) : (
        <div className="table-scroll">
          <table className="records-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {columnLabel(c)}
                  </th>
                ))}
                {ageFrom ? <th scope="col">Age (days)</th> : null}
              </tr>
            </thead>
            <tbody>
              {answer.data.rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c} className={isNumeric(c) ? 'num' : cellKind(c) === 'text' ? 'text' : undefined}>
                      {formatCell(c, row[c])}
                    </td>
                  ))}
                  {ageFrom ? <td className="num">{typeof row[ageFrom] === 'string' ? ((nowMs - Date.parse(row[ageFrom] as string)) / DAY_MS).toFixed(1) : '—'}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="preview__more">
        <Link href={`/kpi/${kpi}${queryString(f, { sort })}`}>All records of {def.title} →</Link>
      </p>
    </section>
  );
}
