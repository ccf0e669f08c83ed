import { loadTile } from '@/lib/loaders';
import type { Filters, ResolvedPeriod } from '@/lib/filters';
import { KpiTile } from './KpiTile';

/** Tiles of the KPIs this user may read, in the given order; the rest are counted, not shown. */
export async function TileGrid({ names, readable, f, p }: { names: readonly string[]; readable: readonly string[]; f: Filters; p: ResolvedPeriod }) {
  const shown = names.filter((n) => readable.includes(n));
  const tiles = await Promise.all(shown.map((n) => loadTile(n, f, p)));
  const hidden = names.length - shown.length;
  return (
    <section aria-label="Key figures">
      <div className="tiles">
        {tiles.map((t) => (
          <KpiTile key={t.info.name} tile={t} periodLabel={p.label} />
        ))}
      </div>
      {hidden > 0 ? <p className="muted">{hidden} KPIs of this page are not shown: your roles cannot read them.</p> : null}
    </section>
  );
}
