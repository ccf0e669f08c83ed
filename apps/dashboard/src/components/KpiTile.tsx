import Link from 'next/link';
import { formatChange, formatValue } from '@/lib/format';
import type { TileData } from '@/lib/loaders';
import { Explain } from './Explain';
import { FailureNotice } from './Notice';
import { Sparkline } from './Sparkline';

const ARROWS = { up: '▲', down: '▼', flat: '■', none: '' } as const;

/** One KPI: value, change against the previous period, sparkline; the tile opens its drill-down. */
export function KpiTile({ tile, periodLabel }: { tile: TileData; periodLabel: string }) {
  const { info } = tile;
  if (tile.failure) {
    return (
      <article className="tile tile--failed" aria-labelledby={`tile-${info.name}`}>
        <h3 className="tile__title" id={`tile-${info.name}`}>
          {info.title}
        </h3>
        <FailureNotice failure={tile.failure} what={info.title} />
      </article>
    );
  }
  const change = formatChange(info.unit, tile.value, tile.previous, info.lowerIsBetter);
  return (
    <article className="tile" aria-labelledby={`tile-${info.name}`}>
      <Link href={tile.href} className="tile__link" prefetch={false}>
        <h3 className="tile__title" id={`tile-${info.name}`}>
          {info.title}
        </h3>
        <p className="tile__value" data-kpi={info.name}>
          {formatValue(info.unit, tile.value, { compact: true })}
        </p>
        <p className={`tile__change tile__change--${change.tone}`}>
          {change.text ? (
            <>
              <span aria-hidden="true">
                {ARROWS[change.direction]} {change.text}
              </span>
              <span className="sr-only">{change.label}</span>
              <span className="tile__vs" aria-hidden="true">
                {' '}
                vs previous
              </span>
            </>
          ) : (
            <span>no previous data</span>
          )}
          {tile.ignored.length > 0 ? <span className="tile__ignored"> · ignores {tile.ignored.join(', ')}</span> : null}
        </p>
        <span className="tile__spark">
          <Sparkline series={tile.spark} label={`${info.title}, ${periodLabel}`} />
        </span>
        <span className="sr-only">Open the breakdown of {info.title}</span>
      </Link>
      <Explain info={info} value={tile.value} numerator={tile.numerator} denominator={tile.denominator} ignored={tile.ignored} />
    </article>
  );
}

/** Same box as a tile, for loading.tsx: the page does not move when data arrives. */
export function TileSkeleton() {
  return (
    <div className="tile tile--skeleton" aria-hidden="true">
      <span className="skeleton skeleton--title" />
      <span className="skeleton skeleton--value" />
      <span className="skeleton skeleton--line" />
      <span className="skeleton skeleton--spark" />
    </div>
  );
}
