'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { Dialog } from './Dialog';
import { NewKey } from './NewKey';
import { isoMinute, send } from './request';
import type { ApiKey } from './types';
import styles from './admin.module.css';

/** What each scope lets a key do (apps/ingest plugins/auth.ts SCOPES). */
const SCOPES = [
  { scope: 'ingest', about: 'send events (POST /v1/events)' },
  { scope: 'read', about: 'read every KPI and its records' },
  { scope: 'admin', about: 'manage users and keys' },
] as const;

function CreateKeyForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const ids = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [error, setError] = useState<{ field?: 'name' | 'scopes'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!name.trim()) return setError({ field: 'name', text: 'Give the key a name, e.g. the program that will use it.' });
    if (scopes.length === 0) return setError({ field: 'scopes', text: 'Choose at least one scope.' });
    setBusy(true);
    setError(null);
    const res = await send<{ id: string; key: string }>('POST', '/v1/keys', { name: name.trim(), scopes });
    setBusy(false);
    if (!res.ok) return setError({ text: res.message });
    onCreated(name.trim(), res.data.key);
    setName('');
    setScopes([]);
  }

  const errorId = `${ids}-error`;
  const toggle = (scope: string, on: boolean) => setScopes((s) => SCOPES.map((x) => x.scope).filter((x) => (x === scope ? on : s.includes(x))));
  return (
    <form onSubmit={onSubmit} noValidate>
      <div className={styles.formGrid}>
        <label className="field field--block">
          <span>Name</span>
          <input
            type="text"
            name="name"
            autoComplete="off"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            aria-invalid={error?.field === 'name' || undefined}
            aria-describedby={error?.field === 'name' ? errorId : undefined}
          />
        </label>
      </div>
      <fieldset className={styles.checks} aria-describedby={error?.field === 'scopes' ? errorId : undefined}>
        <legend>Scopes</legend>
        <div className={styles.checkGrid}>
          {SCOPES.map((s) => (
            <label key={s.scope} className={styles.check}>
              <input type="checkbox" name="scopes" value={s.scope} checked={scopes.includes(s.scope)} onChange={(e) => toggle(s.scope, e.currentTarget.checked)} />
              <span>
                {s.scope}
                <small>{s.about}</small>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className={styles.formEnd}>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating…' : 'Create key'}
        </button>
        <p id={errorId} className={`${styles.message} ${styles.bad}`} role="alert" aria-live="assertive">
          {error?.text}
        </p>
      </div>
    </form>
  );
}

function RevokeDialog({ apiKey, onClose, onDone }: { apiKey: ApiKey; onClose: () => void; onDone: (text: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={`Revoke “${apiKey.name}”?`} onClose={onClose}>
      {(close) => (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            const res = await send('DELETE', `/v1/keys/${encodeURIComponent(apiKey.id)}`);
            setBusy(false);
            if (!res.ok) return setError(res.message);
            close();
            onDone(`Key “${apiKey.name}” revoked.`);
          }}
        >
          <p>Programs using this key get 401 within 5 seconds. A revoked key cannot be restored.</p>
          <p className={`${styles.message} ${styles.bad}`} role="alert" aria-live="assertive">
            {error}
          </p>
          <div className={styles.dialogButtons}>
            <button type="button" className="button button--secondary" onClick={close}>
              Cancel
            </button>
            <button type="submit" className={`button ${styles.dangerSolid}`} disabled={busy}>
              {busy ? 'Revoking…' : 'Revoke key'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** API keys: create (the secret is shown once), list, revoke. */
export function KeysPanel({ keys }: { keys: ApiKey[] }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const [fresh, setFresh] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const active = keys.filter((k) => !k.revoked_at).length;

  return (
    <section className="card" aria-labelledby="keys-title" aria-busy={refreshing}>
      <div className={styles.sectionHead}>
        <h2 id="keys-title">API keys</h2>
        <span className="muted">{active} active</span>
      </div>
      <p className="muted">For programs: send events, read KPIs. People sign in with a user instead.</p>
      <CreateKeyForm
        onCreated={(name, secret) => {
          setStatus(null);
          setFresh({ name, secret });
          startTransition(() => router.refresh());
        }}
      />
      {fresh ? <NewKey key={fresh.secret} name={fresh.name} secret={fresh.secret} onDismiss={() => setFresh(null)} /> : null}

      <h3 className={styles.subhead}>Keys</h3>
      <p className={`${styles.message} ${styles.ok}`} role="status">
        {status}
      </p>
      {keys.length === 0 ? (
        <p className="muted">No keys yet.</p>
      ) : (
        <table className={styles.table}>
          <caption className="sr-only">API keys, their scopes and status</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">ID</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} className={k.revoked_at ? styles.rowDisabled : undefined}>
                <td>
                  <span className={styles.who}>{k.name}</span>
                </td>
                <td>
                  <span className={styles.cellLabel}>ID</span>
                  <span className={styles.mono}>{k.id}</span>
                </td>
                <td>
                  <span className={styles.cellLabel}>Scopes</span>
                  <ul className={styles.chips}>
                    {k.scopes.map((s) => (
                      <li key={s} className={s === 'admin' ? `${styles.chip} ${styles.chipAdmin}` : styles.chip}>
                        {s}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <span className={styles.cellLabel}>Created</span>
                  <span className={styles.nowrap}>{isoMinute(k.created_at)}</span>
                </td>
                <td>
                  <span className={styles.cellLabel}>Status</span>
                  {k.revoked_at ? (
                    <span className={`${styles.badge} ${styles.badgeOff}`}>Revoked {isoMinute(k.revoked_at)}</span>
                  ) : (
                    <div className={styles.actions}>
                      <span className={`${styles.badge} ${styles.badgeOk}`}>Active</span>
                      <button
                        type="button"
                        className={`button ${styles.small} ${styles.danger}`}
                        onClick={() => {
                          setStatus(null);
                          setRevoking(k);
                        }}
                      >
                        Revoke<span className="sr-only"> key {k.name}</span>
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking ? (
        <RevokeDialog
          apiKey={revoking}
          onClose={() => setRevoking(null)}
          onDone={(text) => {
            setStatus(text);
            startTransition(() => router.refresh());
          }}
        />
      ) : null}
    </section>
  );
}
