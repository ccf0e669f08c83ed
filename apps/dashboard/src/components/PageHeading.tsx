import type { Filters, ResolvedPeriod } from '@/lib/filters';

/** Page title with the period and time zone the numbers are for. */
export function PageHeading({ title, lede, f, p }: { title: string; lede?: string; f: Filters; p: ResolvedPeriod }) {
  const filters = Object.entries(f.dims)
    .map(([k, v]) => `${k}: ${v?.join(', ')}`)
    .join(' · ');
  return (
    <header className="page-head">
      <h1>{title}</h1>
      <p className="page-head__scope">
        {p.label}, {f.tz}
        {filters ? ` · ${filters}` : ''} · compared with the {p.days} days before
      </p>
      {lede ? <p className="lede">{lede}</p> : null}
    </header>
  );
}
