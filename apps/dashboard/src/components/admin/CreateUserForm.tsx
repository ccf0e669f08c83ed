'use client';

import { useId, useState, type FormEvent } from 'react';
import { PasswordField, MIN_PASSWORD_LENGTH } from './PasswordField';
import { RoleChecks } from './RoleChecks';
import { send } from './request';
import type { RoleOption } from './types';
import styles from './admin.module.css';

/** POST /v1/users. The API's 400/409 messages are shown beside the button, announced. */
export function CreateUserForm({ options, onCreated }: { options: RoleOption[]; onCreated: () => void }) {
  const ids = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [error, setError] = useState<{ field?: 'email' | 'password' | 'roles'; text: string } | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setCreated(null);
    if (password.length < MIN_PASSWORD_LENGTH) return setError({ field: 'password', text: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.` });
    if (roles.length === 0) return setError({ field: 'roles', text: 'Choose at least one role.' });
    setBusy(true);
    setError(null);
    const trimmedName = name.trim();
    const res = await send('POST', '/v1/users', { email: email.trim(), password, roles, ...(trimmedName ? { name: trimmedName } : {}) });
    setBusy(false);
    if (!res.ok) {
      const field = res.status === 409 || /^email/i.test(res.message) ? 'email' : /^password/i.test(res.message) ? 'password' : undefined;
      return setError({ field, text: res.message });
    }
    setCreated(`${email.trim()} created. Give them their password; they sign in on this site.`);
    onCreated();
    setEmail('');
    setName('');
    setPassword('');
    setRoles([]);
  }

  const errorId = `${ids}-error`;
  return (
    <form onSubmit={onSubmit} noValidate>
      <div className={styles.formGrid}>
        <label className="field field--block">
          <span>E-mail</span>
          <input
            type="email"
            name="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            aria-invalid={error?.field === 'email' || undefined}
            aria-describedby={error?.field === 'email' ? errorId : undefined}
          />
        </label>
        <label className="field field--block">
          <span>
            Name <span className={styles.hint}>(optional)</span>
          </span>
          <input type="text" name="name" autoComplete="off" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        </label>
        <PasswordField label="Password" value={password} onChange={setPassword} invalid={error?.field === 'password'} />
      </div>
      <RoleChecks options={options} checked={roles} onChange={setRoles} describedBy={error?.field === 'roles' ? errorId : undefined} />
      <div className={styles.formEnd}>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating…' : 'Create user'}
        </button>
        <p id={errorId} className={`${styles.message} ${error ? styles.bad : styles.ok}`} role="alert" aria-live="assertive">
          {error?.text ?? created}
        </p>
      </div>
    </form>
  );
}
