'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';

const MIN_INTERVAL_MS = 1_000;
type State = 'connecting' | 'live' | 'unavailable';

/**
 * Subscribes to GET /v1/live (Server-Sent Events) for the page's KPIs and filters and redraws the
 * page's server components on each snapshot (router.refresh), at most once a second and
 * never two at a time. Numbers always come from the same queries as on first load. When
 * the endpoint is missing (404) or refuses, the browser closes the stream: the page keeps
 * working, just without live updates.
 */
export function LiveRefresh({ query }: { query: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>('connecting');
  const [at, setAt] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const pendingRef = useRef(false);
  pendingRef.current = pending;

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setState('unavailable');
      return;
    }
    const source = new EventSource(query ? `/v1/live?${query}` : '/v1/live');
    let last = 0;
    // The first snapshot is the state the page was just drawn from: nothing to redraw yet.
    let first = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer = undefined;
      if (pendingRef.current) {
        timer = setTimeout(refresh, MIN_INTERVAL_MS);
        return;
      }
      last = Date.now();
      startTransition(() => router.refresh());
    };
    const onSnapshot = (event: MessageEvent<string>) => {
      setState('live');
      try {
        const data = JSON.parse(event.data) as { at?: string };
        if (data.at) setAt(data.at);
      } catch {
        // A message we cannot read still means something changed.
      }
      if (first) {
        first = false;
        return;
      }
      if (timer) return; // a refresh is already scheduled; it will pick this change up
      timer = setTimeout(refresh, Math.max(0, last + MIN_INTERVAL_MS - Date.now()));
    };
    source.addEventListener('snapshot', onSnapshot);
    source.onmessage = onSnapshot;
    source.onopen = () => setState('live');
    source.onerror = () => {
      // CLOSED: the server refused (404, 401, wrong type) and the browser gave up.
      // CONNECTING: a dropped connection that the browser retries by itself.
      setState(source.readyState === EventSource.CLOSED ? 'unavailable' : 'connecting');
    };
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [query, router]);

  const text = state === 'live' ? (at ? `Live · ${new Date(at).toLocaleTimeString()}` : 'Live') : state === 'connecting' ? 'Connecting…' : 'Live updates off';
  return (
    <span className={`live live--${state}`} role="status" aria-live="off" title={state === 'unavailable' ? 'The live stream is not available; reload to see new data.' : undefined}>
      <span className="live__dot" aria-hidden="true" />
      {text}
    </span>
  );
}
