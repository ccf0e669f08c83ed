import { TileSkeleton } from './KpiTile';

export function TilesSkeleton({ count }: { count: number }) {
  return (
    <div className="tiles">
      {Array.from({ length: count }, (_, i) => (
        <TileSkeleton key={i} />
      ))}
    </div>
  );
}

/** Same height as a ChartCard with its canvas. */
export function ChartSkeleton({ height = 280 }: { height?: number }) {
  return (
    <div className="card chart chart--skeleton" aria-hidden="true">
      <span className="skeleton skeleton--title" />
      <span className="skeleton" style={{ display: 'block', height }} />
    </div>
  );
}

export function PageSkeleton({ tiles, charts = 1 }: { tiles: number; charts?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading">
      <div className="page-head page-head--skeleton">
        <span className="skeleton skeleton--h1" />
        <span className="skeleton skeleton--line" />
      </div>
      <TilesSkeleton count={tiles} />
      <div className="charts">
        {Array.from({ length: charts }, (_, i) => (
          <ChartSkeleton key={i} />
        ))}
      </div>
    </div>
  );
}
