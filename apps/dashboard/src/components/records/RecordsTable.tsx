'use client';

import { columnVisibilityFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState, useTransition, type KeyboardEvent } from 'react';
import { cellKind, columnLabel, formatCell, isNumeric } from './columns';

type Row = Record<string, unknown>;
const features = tableFeatures({ columnVisibilityFeature, rowSortingFeature });

export interface RecordsTableProps {
  kpi: string;
  title: string;
  columns: string[];
  rows: Row[];
  nextCursor: string | null;
  /** `col` or `-col`, as sent to the API ('' = the API's default order). */
  sort: string;
  /** Cursors of the pages before this one (the URL's `cursors`). */
  cursors: string[];
  /** Columns that are dimensions of this KPI: filtered on the server through the URL. */
  filterable: string[];
  csvHref: string;
  pageSize: number;
}

/**
 * The rows behind a KPI. Sorting, filtering and paging happen on the server (the API's
 * `sort`, dimension filters and `cursor`), driven by the URL so a view can be shared and the
 * back button works; the column choice is kept in the URL too (`hide=`) without a reload.
 */
export function RecordsTable(props: RecordsTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [hidden, setHidden] = useState<string[]>(() => (params.get('hide') ?? '').split(',').filter(Boolean));

  const go = (change: (sp: URLSearchParams) => void) => {
    const sp = new URLSearchParams(params.toString());
    change(sp);
    startTransition(() => router.push(`${pathname}?${sp.toString()}`, { scroll: false }));
  };

  const sorting: SortingState = props.sort ? [{ id: props.sort.replace(/^-/, ''), desc: props.sort.startsWith('-') }] : [];
  const columns = useMemo<ColumnDef<typeof features, Row>[]>(
    () =>
      props.columns.map((c) => ({
        id: c,
        accessorFn: (row: Row) => row[c],
        header: columnLabel(c),
        cell: (info) => formatCell(c, info.getValue()),
        sortDescFirst: isNumeric(c) || cellKind(c) === 'time',
      })),
    [props.columns],
  );
  const columnVisibility = Object.fromEntries(hidden.map((c) => [c, false]));
  const table = useTable({
    features,
    columns,
    data: props.rows,
    manualSorting: true,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      go((sp) => {
        if (first) sp.set('sort', `${first.desc ? '-' : ''}${first.id}`);
        else sp.delete('sort');
        sp.delete('cursors');
      });
    },
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === 'function' ? updater(columnVisibility) : updater;
      const nextHidden = Object.entries(next)
        .filter(([, visible]) => !visible)
        .map(([c]) => c);
      setHidden(nextHidden);
      const sp = new URLSearchParams(params.toString());
      if (nextHidden.length) sp.set('hide', nextHidden.join(','));
      else sp.delete('hide');
      window.history.replaceState(null, '', `${pathname}?${sp.toString()}`);
    },
  });

  const setFilter = (column: string, value: string) => {
    const v = value.trim();
    if ((params.get(column) ?? '') === v) return;
    go((sp) => {
      if (v) sp.set(column, v);
      else sp.delete(column);
      sp.delete('cursors');
    });
  };
  const onFilterKey = (column: string) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') setFilter(column, e.currentTarget.value);
  };

  const page = props.cursors.length + 1;
  const visible = table.getVisibleLeafColumns();

  return (
    <section className="card records" aria-labelledby="records-title" aria-busy={pending}>
      <div className="records__bar">
        <h2 id="records-title">{props.title}</h2>
        <div className="records__actions">
          <details className="columns-menu">
            <summary className="button button--secondary">Columns ({visible.length}/{props.columns.length})</summary>
            <fieldset className="columns-menu__panel">
              <legend className="sr-only">Columns to show</legend>
              {table.getAllLeafColumns().map((column) => (
                <label key={column.id}>
                  <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} disabled={column.getIsVisible() && visible.length === 1} />
                  {columnLabel(column.id)}
                </label>
              ))}
            </fieldset>
          </details>
          <a className="button button--secondary" href={props.csvHref} download>
            Export CSV
          </a>
        </div>
      </div>
      <div className="records__scroll" tabIndex={0} role="region" aria-label={`${props.title}, scrollable`}>
        <table className="records-table">
          <caption className="sr-only">
            {props.title}, page {page}. Column headers sort on the server.
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const dir = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {columnLabel(header.column.id)}
                        <span aria-hidden="true">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
            <tr>
              {visible.map((column) => (
                <th key={column.id} scope="col">
                  {props.filterable.includes(column.id) ? (
                    <input
                      className="col-filter"
                      aria-label={`Filter ${columnLabel(column.id)} (press Enter)`}
                      placeholder="filter…"
                      defaultValue={params.get(column.id) ?? ''}
                      key={params.get(column.id) ?? ''}
                      onKeyDown={onFilterKey(column.id)}
                      onBlur={(e) => setFilter(column.id, e.currentTarget.value)}
                    />
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={isNumeric(cell.column.id) ? 'num' : cellKind(cell.column.id) === 'text' ? 'text' : undefined}>
                    {formatCell(cell.column.id, cell.getValue())}
                  </td>
                ))}
              </tr>
            ))}
            {props.rows.length === 0 ? (
              <tr>
                <td colSpan={visible.length} className="text">
                  No records for these filters.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <nav className="records__pager" aria-label="Pages of records">
        <button
          type="button"
          className="button button--secondary"
          disabled={page === 1 || pending}
          onClick={() => go((sp) => (props.cursors.length > 1 ? sp.set('cursors', props.cursors.slice(0, -1).join(',')) : sp.delete('cursors')))}
        >
          Previous
        </button>
        <span>
          Page {page} · rows {(page - 1) * props.pageSize + (props.rows.length ? 1 : 0)}–{(page - 1) * props.pageSize + props.rows.length}
        </span>
        <button
          type="button"
          className="button button--secondary"
          disabled={!props.nextCursor || pending}
          onClick={() => go((sp) => sp.set('cursors', [...props.cursors, props.nextCursor!].join(',')))}
        >
          Next
        </button>
        {pending ? <span role="status">Loading…</span> : null}
        {page > 1 ? (
          <Link href={`${pathname}?${(() => { const sp = new URLSearchParams(params.toString()); sp.delete('cursors'); return sp.toString(); })()}`} scroll={false}>
            First page
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
