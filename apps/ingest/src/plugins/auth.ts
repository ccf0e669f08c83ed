import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { kpisFor } from '@stockpulse/metrics';
import type { AppDb } from '@stockpulse/store';
import { ApiError, forbidden, unauthorized } from '../errors.js';
import { SESSION_COOKIE, type SessionStore, type SessionUser } from './sessions.js';

export const SCOPES = ['ingest', 'read', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export type Principal =
  | { kind: 'api_key'; keyId: string; scopes: Scope[] }
  | { kind: 'session'; user: SessionUser; scopes: Scope[] };

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * API keys: `sp_<id>_<secret>`. Only sha256(secret) is stored (keys are 256-bit random,
 * so a fast hash is enough; passwords use argon2id). Verified keys are cached briefly
 * so ingest does not hit the app database per request; a revoked key stops working
 * within CACHE_MS.
 */
const CACHE_MS = 5_000;

export class KeyStore {
  private cache = new Map<string, { principal: Principal | null; until: number }>();
  private readonly bootstrapHash: Buffer | undefined;

  constructor(
    private readonly db: AppDb,
    bootstrapKey: string | undefined,
    /** Dashboard sessions, resolved from the session cookie when there is no API key. */
    readonly sessions?: SessionStore,
    readonly now: () => number = Date.now,
  ) {
    this.bootstrapHash = bootstrapKey ? sha256(bootstrapKey) : undefined;
  }

  async create(name: string, scopes: Scope[]): Promise<{ id: string; key: string }> {
    const id = randomBytes(6).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    await this.db.query('INSERT INTO api_keys (id, name, hash, scopes) VALUES ($1, $2, $3, $4)', [
      id,
      name,
      sha256(secret).toString('hex'),
      scopes,
    ]);
    return { id, key: `sp_${id}_${secret}` };
  }

  async list(): Promise<{ id: string; name: string; scopes: string[]; created_at: string; revoked_at: string | null }[]> {
    const { rows } = await this.db.query<{ id: string; name: string; scopes: string[]; created_at: Date; revoked_at: Date | null }>(
      'SELECT id, name, scopes, created_at, revoked_at FROM api_keys ORDER BY created_at',
    );
    return rows.map((r) => ({ ...r, created_at: new Date(r.created_at).toISOString(), revoked_at: r.revoked_at ? new Date(r.revoked_at).toISOString() : null }));
  }

  async revoke(id: string): Promise<boolean> {
    const { rows } = await this.db.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
    this.cache.clear();
    return rows.length > 0;
  }

  async verify(token: string): Promise<Principal | null> {
    if (this.bootstrapHash && timingSafeEqual(sha256(token), this.bootstrapHash)) {
      return { kind: 'api_key', keyId: 'env:API_KEY', scopes: [...SCOPES] };
    }
    const hit = this.cache.get(token);
    if (hit && hit.until > Date.now()) return hit.principal;
    const principal = await this.lookup(token);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(token, { principal, until: Date.now() + CACHE_MS });
    return principal;
  }

  private async lookup(token: string): Promise<Principal | null> {
    const m = /^sp_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    const [, id, secret] = m as unknown as [string, string, string];
    const { rows } = await this.db.query<{ hash: string; scopes: string[] }>(
      'SELECT hash, scopes FROM api_keys WHERE id = $1 AND revoked_at IS NULL',
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    if (!timingSafeEqual(sha256(secret), Buffer.from(row.hash, 'hex'))) return null;
    return { kind: 'api_key', keyId: id, scopes: row.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s)) };
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A dashboard session: read for everyone, admin for admins; never ingest. */
async function sessionPrincipal(keys: KeyStore, request: FastifyRequest): Promise<Principal | null> {
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token || !keys.sessions) return null;
  const user = await keys.sessions.resolve(token, keys.now());
  if (!user) return null;
  // Cookies ride along on cross-site requests; a change must prove it came from our page.
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || sent.length !== user.csrf.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(user.csrf))) {
      throw new ApiError(403, 'csrf', 'missing or wrong x-csrf-token header');
    }
  }
  return { kind: 'session', user, scopes: user.roles.includes('admin') ? ['read', 'admin'] : ['read'] };
}

/**
 * Resolves the caller (API key, else session cookie) and checks one scope: 401 without
 * valid credentials, 403 without the scope.
 */
export async function authorize(keys: KeyStore, request: FastifyRequest, scope: Scope): Promise<Principal> {
  const header = request.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  let principal: Principal | null;
  if (m?.[1]) {
    principal = await keys.verify(m[1]);
    if (!principal) throw unauthorized('invalid or revoked API key');
  } else {
    principal = await sessionPrincipal(keys, request);
    if (!principal) throw unauthorized('sign in, or send Authorization: Bearer <api key>');
  }
  if (!principal.scopes.includes(scope) && !principal.scopes.includes('admin')) {
    throw forbidden(principal.kind === 'api_key' ? `this key lacks the "${scope}" scope` : `your roles do not allow "${scope}"`);
  }
  return principal;
}

/** KPI-level access, checked where KPI data is read. Keys with the read scope read every KPI. */
export function canReadKpi(principal: Principal, kpi: string): boolean {
  return principal.kind === 'api_key' || kpisFor(principal.user.roles).has(kpi);
}

export function assertCanReadKpi(principal: Principal, kpi: string): void {
  if (!canReadKpi(principal, kpi)) throw forbidden(`your roles do not allow the KPI "${kpi}"`);
}

/**
 * First start without API_KEY: create an admin account with a random password and an
 * admin API key, and print both once. Nothing is printed on later starts.
 */
export async function bootstrapAdmin(db: AppDb, keys: KeyStore, print: (text: string) => void, origin: string): Promise<void> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((rows[0]?.n ?? 0) > 0) return;
  const password = randomBytes(18).toString('base64url');
  const email = 'admin@stockpulse.local';
  if (!keys.sessions) throw new Error('the first-start admin needs the session store');
  await keys.sessions.createUser({ email, password, roles: ['admin'] });
  const { key } = await keys.create('bootstrap admin key', ['admin']);
  print(
    [
      '',
      '  Stockpulse first start: an admin account was created. This is shown only once.',
      `    sign in at ${origin}/  as  ${email}  with password  ${password}`,
      `    admin API key (all scopes):  ${key}`,
      '  Create more keys with POST /v1/keys (admin scope). Set API_KEY to use a key of your own.',
      '',
    ].join('\n'),
  );
}
