'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { PAGE_ROUTES } from '@/lib/pages';
import { CreateUserForm } from './CreateUserForm';
import { RoleChips } from './RoleChecks';
import { send } from './request';
import { DeleteDialog, PasswordDialog, RolesDialog, type UserAction } from './UserDialogs';
import type { AdminUser, RoleOption } from './types';
import styles from './admin.module.css';

type Status = { tone: 'ok' | 'bad'; text: string } | null;

const pageLabel = (page: string) => PAGE_ROUTES.find((r) => r.page === page)?.label ?? page;

/**
 * Users with their roles; changes go to the API from here and the server data is then
 * redrawn (router.refresh). The API refuses changes an admin may not make to themself
 * (disable, delete, drop admin) and its message is shown as is.
 */
export function UsersPanel({ users, options, meId }: { users: AdminUser[]; options: RoleOption[]; meId: string }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const [status, setStatus] = useState<Status>(null);
  const [action, setAction] = useState<{ kind: UserAction; user: AdminUser } | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);

  const done = (text: string, signedOut: boolean) => {
    if (signedOut) {
      window.location.assign('/login?next=/admin');
      return;
    }
    setStatus({ tone: 'ok', text });
    startTransition(() => router.refresh());
  };

  async function toggleDisabled(user: AdminUser) {
    setToggling(user.id);
    setStatus(null);
    const res = await send('PATCH', `/v1/users/${encodeURIComponent(user.id)}`, { disabled: !user.disabled });
    setToggling(null);
    if (!res.ok) return setStatus({ tone: 'bad', text: `${user.email}: ${res.message}` });
    done(user.disabled ? `${user.email} enabled: they can sign in again.` : `${user.email} disabled: signed out and cannot sign in.`, false);
  }

  const open = (kind: UserAction, user: AdminUser) => {
    setStatus(null);
    setAction({ kind, user });
  };
  const dialogProps = action ? { user: action.user, self: action.user.id === meId, onClose: () => setAction(null), onDone: done } : null;

  return (
    <section className="card" aria-labelledby="users-title" aria-busy={refreshing}>
      <div className={styles.sectionHead}>
        <h2 id="users-title">Users</h2>
        <span className="muted">{users.length === 1 ? '1 user' : `${users.length} users`}</span>
      </div>
      <p className={`${styles.message} ${status?.tone === 'bad' ? styles.bad : styles.ok}`} role="status">
        {status?.text}
      </p>
      <table className={styles.table}>
        <caption className="sr-only">Users, their roles and status</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const self = u.id === meId;
            return (
              <tr key={u.id} className={u.disabled ? styles.rowDisabled : undefined}>
                <td>
                  <span className={styles.who}>
                    {u.name ?? u.email}
                    {self ? <span className={styles.you}> (you)</span> : null}
                  </span>
                  {u.name ? <span className={styles.email}>{u.email}</span> : null}
                </td>
                <td>
                  <span className={styles.cellLabel}>Roles</span>
                  <RoleChips roles={u.roles} />
                  <span className={styles.pagesLine}>Opens: {u.pages.length ? u.pages.map((p) => pageLabel(p)).join(', ') : 'no pages'}</span>
                </td>
                <td>
                  <span className={styles.cellLabel}>Status</span>
                  <span className={`${styles.badge} ${u.disabled ? styles.badgeOff : styles.badgeOk}`}>{u.disabled ? 'Disabled' : 'Active'}</span>
                </td>
                <td>
                  <span className={styles.cellLabel}>Actions</span>
                  <div className={styles.actions}>
                    <button type="button" className={`button button--secondary ${styles.small}`} onClick={() => open('roles', u)}>
                      Edit roles<span className="sr-only"> of {u.email}</span>
                    </button>
                    <button type="button" className={`button button--secondary ${styles.small}`} onClick={() => open('password', u)}>
                      Reset password<span className="sr-only"> of {u.email}</span>
                    </button>
                    <button type="button" className={`button button--secondary ${styles.small}`} onClick={() => toggleDisabled(u)} disabled={toggling === u.id}>
                      {u.disabled ? 'Enable' : 'Disable'}
                      <span className="sr-only"> {u.email}</span>
                    </button>
                    <button type="button" className={`button ${styles.small} ${styles.danger}`} onClick={() => open('delete', u)}>
                      Delete<span className="sr-only"> {u.email}</span>
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3 className={styles.subhead}>Add a user</h3>
      <CreateUserForm options={options} onCreated={() => startTransition(() => router.refresh())} />

      {action?.kind === 'roles' && dialogProps ? <RolesDialog {...dialogProps} options={options} /> : null}
      {action?.kind === 'password' && dialogProps ? <PasswordDialog {...dialogProps} /> : null}
      {action?.kind === 'delete' && dialogProps ? <DeleteDialog {...dialogProps} /> : null}
    </section>
  );
}
