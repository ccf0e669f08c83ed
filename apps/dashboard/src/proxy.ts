import { NextResponse, type NextRequest } from 'next/server';
import { dashboardEnv } from './lib/env';

// Runs before every page. Two jobs:
// 1. Tell server components which path is being drawn (header x-sp-path), so a 401 from the
//    API can send the browser to /login?next=<that path>.
// 2. An optimistic check: without a session cookie there is nothing to show, so go to
//    /login at once instead of rendering a page whose every API call would answer 401.
//    Authorization itself is checked by the API where data is read.

const SESSION_COOKIE = 'sp_session';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const path = `${pathname}${search}`;
  if (pathname !== '/login' && !request.cookies.has(SESSION_COOKIE) && !dashboardEnv().devApiKey) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', path);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set('x-sp-path', path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not Next's assets, not the icon, not the API (which Fastify answers first anyway).
  matcher: ['/((?!_next/|icon\\.svg|favicon\\.ico|v1/|healthz|readyz|metrics$).*)'],
};
