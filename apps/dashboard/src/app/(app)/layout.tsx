import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { FilterBar } from '@/components/FilterBar';
import { Nav } from '@/components/Nav';
import { UserMenu } from '@/components/UserMenu';
import { getMe } from '@/lib/api';
import { filterValues } from '@/lib/filter-values';
import { PAGE_ROUTES } from '@/lib/pages';

// Every signed-in page: header (product, the user's pages, user menu), the global filters
// (the live indicator is in each page's heading: it streams that page's KPIs). getMe() sends a visitor without a session to /login (a real
// redirect: this runs before anything is streamed).
export default async function AppLayout({ children }: { children: ReactNode }) {
  const [me, values] = await Promise.all([getMe(), filterValues()]);
  const pages = new Set(me.user.pages);
  const nav = PAGE_ROUTES.filter((r) => pages.has(r.page)).map(({ href, label }) => ({ href, label }));
  return (
    <>
      <header className="topbar">
        <div className="topbar__inner">
          <Link href="/" className="brand">
            Stockpulse
          </Link>
          <Suspense fallback={<nav className="nav" aria-label="Pages" />}>
            <Nav items={nav} />
          </Suspense>
          <div className="topbar__end">
            <UserMenu email={me.user.email} roles={me.user.roles} csrfToken={me.csrf_token} devKey={me.devKey === true} />
          </div>
        </div>
      </header>
      <div className="filters-wrap">
        <Suspense fallback={<div className="filters filters--placeholder" />}>
          <FilterBar values={values} />
        </Suspense>
      </div>
      <main id="main" className="container">
        {children}
      </main>
    </>
  );
}
