import Link from 'next/link';
import type { KpiDefinition } from '@/lib/metrics';
import { queryString, withoutDims, type Filters } from '@/lib/filters';
import { appliedDrill, DIMENSION_LABELS, DRILL_PATHS } from '@/lib/kpis';

/** Overview › KPI › category: Tools › sku: X — each step back removes the deeper drill filters. */
export function Breadcrumb({ def, f }: { def: KpiDefinition; f: Filters }) {
  const drill = appliedDrill(def, f);
  const allDrillDims = DRILL_PATHS.flat();
  const root = `/kpi/${def.name}${queryString(withoutDims(f, allDrillDims))}`;
  const globalsOnly = withoutDims(f, allDrillDims);
  const overview = `/${queryString({ ...globalsOnly, dims: {} })}`;
  return (
    <nav className="crumbs" aria-label="Breadcrumb">
      <ol>
        <li>
          <Link href={overview}>Overview</Link>
        </li>
        <li>{drill.length === 0 ? <span aria-current="page">{def.title}</span> : <Link href={root}>{def.title}</Link>}</li>
        {drill.map((step, i) => {
          const deeper = step.path.slice(step.path.indexOf(step.dim) + 1);
          const label = `${DIMENSION_LABELS[step.dim]}: ${step.value}`;
          return (
            <li key={step.dim}>
              {i === drill.length - 1 ? <span aria-current="page">{label}</span> : <Link href={`/kpi/${def.name}${queryString(withoutDims(f, deeper))}`}>{label}</Link>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
