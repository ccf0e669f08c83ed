'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { MIN_PASSWORD_LENGTH, PasswordField } from './PasswordField';
import { RoleChecks } from './RoleChecks';
import { send } from './request';
import type { AdminUser, RoleOption } from './types';
import styles from './admin.module.css';

export type UserAction = 'roles' | 'password' | 'delete';

interface DialogProps {
  user: AdminUser;
  /** The signed-in admin is this user: a saved change ends their own session. */
  self: boolean;
  onClose: () => void;
  /** Called after the API accepted the change, with what to announce. */
  onDone: (message: string, signedOut: boolean) => void;
}

const who = (u: AdminUser) => u.name ?? u.email;

/** Form body shared by the three dialogs: content, the announced error, Cancel and the action. */
function DialogForm(props: { close: () => void; onSubmit: () => Promise<string | null>; busyLabel: string; label: string; danger?: boolean; children: ReactNode }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const failure = await props.onSubmit();
    setBusy(false);
    if (failure) setError(failure);
  }
  return (
    <form onSubmit={submit} noValidate>
      {props.children}
      <p className={`${styles.message} ${styles.bad}`} role="alert" aria-live="assertive">
        {error}
      </p>
      <div className={styles.dialogButtons}>
        <button type="button" className="button button--secondary" onClick={props.close}>
          Cancel
        </button>
        <button type="submit" className={props.danger ? `button ${styles.dangerSolid}` : 'button'} disabled={busy}>
          {busy ? props.busyLabel : props.label}
        </button>
      </div>
    </form>
  );
}

const signOutNote = (self: boolean, u: AdminUser) =>
  self ? 'Saving signs you out everywhere; sign in again afterwards.' : `Saving signs ${who(u)} out of every session.`;

export function RolesDialog({ user, self, options, onClose, onDone }: DialogProps & { options: RoleOption[] }) {
  const [roles, setRoles] = useState(user.roles);
  return (
    <Dialog title={`Roles of ${who(user)}`} onClose={onClose}>
      {(close) => (
        <DialogForm
          close={close}
          label="Save roles"
          busyLabel="Saving…"
          onSubmit={async () => {
            if (roles.length === 0) return 'Choose at least one role.';
            const res = await send('PATCH', `/v1/users/${encodeURIComponent(user.id)}`, { roles });
            if (!res.ok) return res.message;
            close();
            onDone(`Roles of ${user.email} saved.`, self);
            return null;
          }}
        >
          <p className="muted">{signOutNote(self, user)}</p>
          <RoleChecks options={options} checked={roles} onChange={setRoles} />
        </DialogForm>
      )}
    </Dialog>
  );
}

export function PasswordDialog({ user, self, onClose, onDone }: DialogProps) {
  const [password, setPassword] = useState('');
  return (
    <Dialog title={`New password for ${who(user)}`} onClose={onClose}>
      {(close) => (
        <DialogForm
          close={close}
          label="Set password"
          busyLabel="Saving…"
          onSubmit={async () => {
            if (password.length < MIN_PASSWORD_LENGTH) return `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
            const res = await send('PATCH', `/v1/users/${encodeURIComponent(user.id)}`, { password });
            if (!res.ok) return res.message;
            close();
            onDone(`New password set for ${user.email}. Hand it over in person or through a password manager.`, self);
            return null;
          }}
        >
          <p className="muted">{signOutNote(self, user)}</p>
          <PasswordField label="New password" value={password} onChange={setPassword} autoFocus />
        </DialogForm>
      )}
    </Dialog>
  );
}

export function DeleteDialog({ user, self, onClose, onDone }: DialogProps) {
  return (
    <Dialog title={`Delete ${who(user)}?`} onClose={onClose}>
      {(close) => (
        <DialogForm
          close={close}
          label="Delete user"
          busyLabel="Deleting…"
          danger
          onSubmit={async () => {
            const res = await send('DELETE', `/v1/users/${encodeURIComponent(user.id)}`);
            if (!res.ok) return res.message;
            close();
            onDone(`${user.email} deleted.`, false);
            return null;
          }}
        >
          <p>
            <strong>{user.email}</strong> will no longer be able to sign in, and this cannot be undone. To block sign-in for a while instead, disable the
            user.
          </p>
          {self ? <p className="muted">This is your own account.</p> : null}
        </DialogForm>
      )}
    </Dialog>
  );
}
