import Link from 'next/link';
import { headers } from 'next/headers';
import { PATH_HEADER } from '@/lib/api';
import { kpiDef } from '@/lib/kpis';
import { PAGE_ROUTES } from '@/lib/pages';

// Drawn by forbidden() (next/navigation) with HTTP status 403 when the check runs before
// the page streams (a segment layout: see app/(app)/*/layout.tsx). It names what was
// refused from the requested path.
async function refused(): Promise<string> {
  const path = ((await headers()).get(PATH_HEADER) ?? '').split('?')[0] ?? '';
  const kpi = /^\/kpi\/([^/]+)/.exec(path);
  if (kpi?.[1]) {
    const def = kpiDef(decodeURIComponent(kpi[1]));
    return def ? `the KPI “${def.title}”` : 'this KPI';
  }
  const page = PAGE_ROUTES.find((r) => r.href !== '/' && path.startsWith(r.href));
  if (page) return `the ${page.label} page`;
  return path === '/' ? 'the overview' : 'this page';
}

export default async function Forbidden() {
  const what = await refused();
  return (
    // Drawn inside the signed-in layout, which owns the page's <main> landmark.
    <div className="container">
      <section className="card forbidden" aria-labelledby="forbidden-title">
        <p className="forbidden__code">403</p>
        <h1 id="forbidden-title">You don&apos;t have access to {what}</h1>
        <p>Your roles do not include it. Ask an administrator if you need it.</p>
        <p>
          <Link href="/">Back to the overview</Link> · <Link href="/login">Sign in as someone else</Link>
        </p>
      </section>
    </div>
  );
}
