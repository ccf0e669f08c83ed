import { createHash, randomBytes } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { isRole, kpisFor, pagesFor, type Role } from '@stockpulse/metrics';
import type { AppDb } from '@stockpulse/store';

/** Dashboard users and their sessions, in the app-state database (shared by replicas). */

export const SESSION_COOKIE = 'sp_session';
export const CSRF_COOKIE = 'sp_csrf';
export const IDLE_TIMEOUT_MS = 12 * 3_600_000;
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 3_600_000;
export const MIN_PASSWORD_LENGTH = 12;

export interface User {
  id: string;
  email: string;
  name: string | null;
  roles: Role[];
  disabled: boolean;
}

export interface SessionUser extends User {
  sessionId: string;
  csrf: string;
}

const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');
const ARGON2ID = 2;
// Verifying against a real hash when the e-mail is unknown keeps failed sign-ins equally slow.
let dummyHash: Promise<string> | undefined;

interface UserRow {
  id: string;
  email: string;
  name: string | null;
  roles: string[];
  disabled_at: Date | null;
}

const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name, roles: r.roles.filter(isRole), disabled: r.disabled_at !== null });

/** What /v1/auth/me and login answer: the user and what they may open. */
export function describeUser(u: User): User & { pages: string[]; kpis: string[] } {
  return { ...u, pages: [...pagesFor(u.roles)], kpis: [...kpisFor(u.roles)] };
}

export class SessionStore {
  constructor(private readonly db: AppDb) {}

  hashPassword(password: string): Promise<string> {
    return argon2Hash(password, { algorithm: ARGON2ID });
  }

  /** The user for an e-mail and password, or null. Disabled users cannot sign in. */
  async checkPassword(email: string, password: string): Promise<User | null> {
    const { rows } = await this.db.query<UserRow & { password_hash: string }>(
      'SELECT id, email, name, roles, disabled_at, password_hash FROM users WHERE lower(email) = lower($1)',
      [email],
    );
    const row = rows[0];
    if (!row) {
      dummyHash ??= this.hashPassword(randomBytes(16).toString('hex'));
      await argon2Verify(await dummyHash, password).catch(() => false);
      return null;
    }
    const ok = await argon2Verify(row.password_hash, password).catch(() => false);
    return ok && row.disabled_at === null ? toUser(row) : null;
  }

  async create(userId: string, nowMs: number): Promise<{ token: string; csrf: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    await this.db.query('INSERT INTO sessions (id, user_id, csrf, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)', [
      sha256hex(token),
      userId,
      csrf,
      new Date(nowMs),
      new Date(nowMs + ABSOLUTE_TIMEOUT_MS),
    ]);
    return { token, csrf };
  }

  /** The live session for a cookie value: not expired, not idle too long, user enabled. */
  async resolve(token: string, nowMs: number): Promise<SessionUser | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const id = sha256hex(token);
    const { rows } = await this.db.query<UserRow & { csrf: string; last_seen_at: Date; expires_at: Date }>(
      `SELECT u.id, u.email, u.name, u.roles, u.disabled_at, s.csrf, s.last_seen_at, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || row.disabled_at !== null) return null;
    const lastSeen = new Date(row.last_seen_at).getTime();
    if (new Date(row.expires_at).getTime() <= nowMs || lastSeen + IDLE_TIMEOUT_MS <= nowMs) {
      await this.db.query('DELETE FROM sessions WHERE id = $1', [id]);
      return null;
    }
    // Touch at most once a minute: the idle timer does not need more.
    if (nowMs - lastSeen > 60_000) await this.db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [id, new Date(nowMs)]);
    return { ...toUser(row), sessionId: id, csrf: row.csrf };
  }

  async end(sessionId: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
  }

  async list(): Promise<User[]> {
    const { rows } = await this.db.query<UserRow>('SELECT id, email, name, roles, disabled_at FROM users ORDER BY email');
    return rows.map(toUser);
  }

  async get(id: string): Promise<User | null> {
    const { rows } = await this.db.query<UserRow>('SELECT id, email, name, roles, disabled_at FROM users WHERE id = $1', [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async createUser(input: { email: string; password: string; roles: Role[]; name?: string | undefined }): Promise<User | 'exists'> {
    const id = randomBytes(8).toString('hex');
    const { rows } = await this.db.query<UserRow>(
      `INSERT INTO users (id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING id, email, name, roles, disabled_at`,
      [id, input.email, input.name ?? null, await this.hashPassword(input.password), input.roles],
    );
    return rows[0] ? toUser(rows[0]) : 'exists';
  }

  async updateUser(id: string, patch: { roles?: Role[] | undefined; password?: string | undefined; disabled?: boolean | undefined; name?: string | undefined }): Promise<User | null> {
    if (patch.roles) await this.db.query('UPDATE users SET roles = $2 WHERE id = $1', [id, patch.roles]);
    if (patch.name !== undefined) await this.db.query('UPDATE users SET name = $2 WHERE id = $1', [id, patch.name]);
    if (patch.password) await this.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, await this.hashPassword(patch.password)]);
    if (patch.disabled !== undefined) await this.db.query(`UPDATE users SET disabled_at = ${patch.disabled ? 'now()' : 'NULL'} WHERE id = $1`, [id]);
    // A changed password, role set or status signs the user out everywhere.
    if (patch.password || patch.roles || patch.disabled) await this.db.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    return this.get(id);
  }

  async deleteUser(id: string): Promise<boolean> {
    const { rows } = await this.db.query('DELETE FROM users WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }
}
