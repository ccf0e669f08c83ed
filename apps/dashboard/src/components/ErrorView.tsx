'use client';

// Shown when rendering a page throws; the details stay in the server log (digest only here).
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card" role="alert" aria-labelledby="page-error-title">
      <h2 id="page-error-title">Something went wrong</h2>
      <p className="muted">
        This page could not be shown.{error.digest ? ` Reference: ${error.digest}.` : ''}
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
