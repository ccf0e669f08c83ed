import { connection } from 'next/server';
import { fetchApiStatus, type ApiStatus } from '@/lib/api-status';

// No loading.tsx here on purpose: the only wait is the bounded /readyz check, and a
// streamed fallback would be swapped for the real block (a layout shift, and no status
// at all without JavaScript).

export default async function HomePage() {
  // Render per request, never at build time (the API is not running during `next build`).
  await connection();
  const status = await fetchApiStatus();
  const checkedAt = new Date().toISOString();

  return (
    <>
      <header className="intro">
        <h1>Stockpulse</h1>
        <p className="lede">
          Real-time inventory and backorder intelligence: stock cover, open backorders and stalled
          orders, as they happen.
        </p>
      </header>
      <StatusBlock status={status} checkedAt={checkedAt} />
    </>
  );
}

const LABELS: Record<ApiStatus['state'], string> = {
  ready: 'Ready',
  'not-ready': 'Not ready',
  unreachable: 'Unreachable',
};

function explain(status: ApiStatus): string {
  switch (status.state) {
    case 'ready':
      return 'The API answers /readyz: the store is reachable and the schema is current.';
    case 'not-ready':
      return 'The API is up but not ready yet. It becomes ready once the store is reachable and the schema is current.';
    case 'unreachable':
      return status.reason === 'timeout'
        ? 'The API did not answer /readyz in time.'
        : 'The API could not be reached.';
  }
}

function StatusBlock({ status, checkedAt }: { status: ApiStatus; checkedAt: string }) {
  return (
    <section className="card" aria-labelledby="api-status-title">
      <h2 id="api-status-title">API status</h2>
      <p className={`status status--${status.state}`}>
        <span className="status__dot" aria-hidden="true" />
        {LABELS[status.state]}
      </p>
      <p className="muted">{explain(status)}</p>
      <dl className="facts">
        <div>
          <dt>Check</dt>
          <dd>
            <code>GET /readyz</code>
          </dd>
        </div>
        <div>
          <dt>Answer</dt>
          <dd>{'httpStatus' in status ? `HTTP ${status.httpStatus} in ${status.latencyMs} ms` : 'none'}</dd>
        </div>
        <div>
          <dt>Checked at</dt>
          <dd>
            <time dateTime={checkedAt}>{checkedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>
          </dd>
        </div>
      </dl>
    </section>
  );
}
