import type { Metadata } from 'next';
import { safeNext } from '@/lib/safe-next';
import { LoginForm } from './LoginForm';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeNext(Array.isArray(raw) ? raw[0] : raw);
  return (
    <main id="main" className="container container--narrow">
      <section className="card login-card" aria-labelledby="login-title">
        <p className="brand brand--large">Stockpulse</p>
        <h1 id="login-title">Sign in</h1>
        <p className="muted">Inventory, backorder and order KPIs as they happen.</p>
        <LoginForm next={next} />
      </section>
    </main>
  );
}
