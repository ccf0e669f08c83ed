'use client';

import { useState } from 'react';

function csrfFromCookie(): string {
  const m = /(?:^|;\s*)sp_csrf=([^;]+)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : '';
}

/** Who is signed in, with which roles, and sign-out (POST with the CSRF token). */
export function UserMenu({ email, roles, csrfToken, devKey }: { email: string; roles: string[]; csrfToken: string; devKey: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/v1/auth/logout', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'x-csrf-token': csrfToken || csrfFromCookie() },
      });
      if (res.ok || res.status === 401) {
        window.location.assign('/login');
        return;
      }
      setError(`Sign-out failed (HTTP ${res.status}).`);
    } catch {
      setError('Sign-out failed: the server could not be reached.');
    }
    setBusy(false);
  }

  return (
    <details className="usermenu">
      <summary>
        <span className="usermenu__email">{email}</span>
      </summary>
      <div className="usermenu__panel">
        <p className="muted">Roles: {roles.join(', ') || 'none'}</p>
        {devKey ? (
          <p className="notice notice--error">Development API key in use (STOCKPULSE_DEV_API_KEY); there is no session to end.</p>
        ) : (
          <button type="button" className="button" onClick={signOut} disabled={busy}>
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
        )}
        {error ? (
          <p role="alert" className="notice notice--error">
            {error}
          </p>
        ) : null}
      </div>
    </details>
  );
}
