import type { Metadata } from 'next';
import { KeysPanel } from '@/components/admin/KeysPanel';
import { UsersPanel } from '@/components/admin/UsersPanel';
import type { AdminUser, ApiKey } from '@/components/admin/types';
import styles from '@/components/admin/admin.module.css';
import { apiGet, getMe, type ApiFailure } from '@/lib/api';
import { ROLE_OPTIONS } from './roles';

export const metadata: Metadata = { title: 'Admin' };

interface UsersAnswer {
  users: (AdminUser & { kpis: string[] })[];
}
interface KeysAnswer {
  keys: ApiKey[];
}

function LoadFailure({ what, failure }: { what: string; failure: ApiFailure }) {
  return (
    <section className="card" aria-label={what}>
      <p className={failure.status === 403 ? 'notice notice--forbidden' : 'notice notice--error'} role="note">
        {failure.status === 403 ? `You don't have access to ${what}.` : `${what.charAt(0).toUpperCase()}${what.slice(1)} could not be loaded: ${failure.message}`}
      </p>
    </section>
  );
}

// The layout has already refused non-admins (403); the API checks the admin role again on
// every call below and on every change the client components send.
export default async function AdminPage() {
  const [me, users, keys] = await Promise.all([getMe(), apiGet<UsersAnswer>('/v1/users'), apiGet<KeysAnswer>('/v1/keys')]);
  return (
    <>
      <header className="page-head">
        <h1>Admin</h1>
        <p className="lede">Who may sign in, which pages and KPIs their roles open, and the API keys programs use.</p>
      </header>
      {me.devKey ? (
        <p className="notice notice--error" role="note">
          Signed in through the development API key: changes need a real session, so sign in as an admin to make them.
        </p>
      ) : null}
      <div className={styles.sections}>
        {users.ok ? (
          <UsersPanel
            users={users.data.users.map(({ id, email, name, roles, disabled, pages }) => ({ id, email, name, roles, disabled, pages }))}
            options={ROLE_OPTIONS}
            meId={me.user.id}
          />
        ) : (
          <LoadFailure what="the users" failure={users} />
        )}
        {keys.ok ? <KeysPanel keys={keys.data.keys} /> : <LoadFailure what="the API keys" failure={keys} />}
      </div>
    </>
  );
}
