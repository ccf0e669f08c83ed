'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { GLOBAL_DIMENSIONS } from '@/lib/filter-options';

/** The pages this user may open; links keep the global filters (not drill-downs). */
export function Nav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const keep = new URLSearchParams();
  for (const key of ['period', 'from', 'to', 'tz', ...GLOBAL_DIMENSIONS]) {
    const v = params.get(key);
    if (v) keep.set(key, v);
  }
  const qs = keep.toString();
  return (
    <nav aria-label="Pages" className="nav">
      <ul>
        {items.map((item) => {
          const current = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link href={qs ? `${item.href}?${qs}` : item.href} aria-current={current ? 'page' : undefined} prefetch={false}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
