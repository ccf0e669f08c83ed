'use client';

import { useState, type FormEvent } from 'react';

/**
 * Posts the credentials to the API (same origin; it sets the session cookies) and then
 * loads `next` in full, so the server renders it with the new session.
 */
export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/v1/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') }),
      });
      if (res.ok) {
        window.location.assign(next);
        return;
      }
      if (res.status === 401) setError('Wrong e-mail or password.');
      else if (res.status === 429) setError('Too many attempts. Wait a minute and try again.');
      else if (res.status === 404) setError('Sign-in is not available on this server yet.');
      else setError(`Sign-in failed (HTTP ${res.status}).`);
    } catch {
      setError('The server could not be reached.');
    }
    setBusy(false);
  }

  return (
    <form className="login" onSubmit={onSubmit} noValidate={false}>
      <label className="field field--block">
        <span>E-mail</span>
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label className="field field--block">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <p className="login__error" role="alert" aria-live="assertive">
        {error}
      </p>
      <button type="submit" className="button button--wide" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
