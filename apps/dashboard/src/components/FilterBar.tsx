'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition, type ChangeEvent, type FormEvent } from 'react';
import {
  COMMON_TIME_ZONES,
  DEFAULT_PERIOD,
  DEFAULT_TZ,
  GLOBAL_DIMENSIONS,
  PERIOD_LABELS,
  PERIODS,
  TABLE_PARAMS,
  type GlobalDimension,
} from '@/lib/filter-options';

const DIM_LABELS: Record<GlobalDimension, string> = { category: 'Category', segment: 'Segment', region: 'Region', channel: 'Channel' };

/**
 * The global filters, kept in the URL. A plain GET form (works without script); with
 * script, each change navigates at once. Changing a filter resets the records table's
 * sort and page, which would otherwise point into another result.
 */
export function FilterBar({ values }: { values: Record<GlobalDimension, string[]> }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const period = params.get('period') ?? DEFAULT_PERIOD;
  const tz = params.get('tz') ?? DEFAULT_TZ;
  const zones = COMMON_TIME_ZONES.includes(tz as (typeof COMMON_TIME_ZONES)[number]) ? COMMON_TIME_ZONES : [tz, ...COMMON_TIME_ZONES];

  function navigate(form: HTMLFormElement) {
    const next = new URLSearchParams(params.toString());
    const data = new FormData(form);
    for (const key of ['period', 'from', 'to', 'tz', ...GLOBAL_DIMENSIONS]) {
      const v = String(data.get(key) ?? '');
      const isDefault = (key === 'period' && v === DEFAULT_PERIOD) || (key === 'tz' && v === DEFAULT_TZ);
      if (v === '' || isDefault) next.delete(key);
      else next.set(key, v);
    }
    if (next.get('period') !== 'custom') {
      next.delete('from');
      next.delete('to');
    } else if (!next.get('from') || !next.get('to')) {
      return; // wait until both dates are there
    }
    for (const key of TABLE_PARAMS) next.delete(key);
    const qs = next.toString();
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname));
  }

  const onChange = (e: ChangeEvent<HTMLFormElement>) => navigate(e.currentTarget);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    navigate(e.currentTarget);
  };

  // Parameters this bar does not own (drill-down filters) ride along in the no-script form.
  const carried = [...params.entries()].filter(([k]) => !['period', 'from', 'to', 'tz', ...GLOBAL_DIMENSIONS, ...TABLE_PARAMS].includes(k));

  return (
    <form className="filters" method="get" action={pathname} onChange={onChange} onSubmit={onSubmit} aria-label="Filters" aria-busy={pending}>
      {carried.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="field">
        <span>Period</span>
        <select name="period" defaultValue={period} key={`period-${period}`}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {PERIOD_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      {period === 'custom' ? (
        <>
          <label className="field">
            <span>From</span>
            <input type="date" name="from" defaultValue={params.get('from') ?? ''} required />
          </label>
          <label className="field">
            <span>To (inclusive)</span>
            <input type="date" name="to" defaultValue={params.get('to') ?? ''} required />
          </label>
        </>
      ) : null}
      <label className="field">
        <span>Time zone</span>
        <select name="tz" defaultValue={tz} key={`tz-${tz}`}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      {GLOBAL_DIMENSIONS.map((dim) => {
        const current = params.get(dim) ?? '';
        const options = current && !values[dim].includes(current) ? [current, ...values[dim]] : values[dim];
        return (
          <label className="field" key={dim}>
            <span>{DIM_LABELS[dim]}</span>
            <select name={dim} defaultValue={current} key={`${dim}-${current}`}>
              <option value="">All</option>
              {options.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <button type="submit" className="button button--secondary filters__apply">
        Apply
      </button>
      <span className="filters__status" role="status" aria-live="polite">
        {pending ? 'Updating…' : ''}
      </span>
    </form>
  );
}
