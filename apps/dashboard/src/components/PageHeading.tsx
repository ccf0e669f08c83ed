import type { Filters, ResolvedPeriod } from '@/lib/filters';
import { liveQuery } from '@/lib/live';
import { LiveRefresh } from './LiveRefresh';

/** Page title with the period and time zone the numbers are for. */
/** `live`: the KPIs whose changes redraw the page (GET /v1/live). */
export function PageHeading({ title, lede, f, p, live }: { title: string; lede?: string; f: Filters; p: ResolvedPeriod; live?: readonly string[] }) {
  const filters = Object.entries(f.dims)
    .map(([k, v]) => `${k}: ${v?.join(', ')}`)
    .join(' · ');
  return (
    <header className="page-head">
      <div className="page-head__row">
        <h1>{title}</h1>
        {live && live.length > 0 ? <LiveRefresh query={liveQuery(live, f)} /> : null}
      </div>
      <p className="page-head__scope">
        {p.label}, {f.tz}
        {filters ? ` · ${filters}` : ''} · compared with the {p.days} days before
      </p>
      {lede ? <p className="lede">{lede}</p> : null}
    </header>
  );
}
