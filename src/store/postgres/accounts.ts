/**
 * Accounts on PostgreSQL (migration 020): the port of store/sqlite/accounts.ts — users,
 * sessions, API keys, settings and the login limiter's counters. Reading state is the
 * subclass in reading.ts. Every write is one statement or one transaction (the store's
 * own `tx`), so any number of `marsad serve` processes share sessions and limits.
 */
import type pg from 'pg';
import type { ApiKeyRecord, Role, SessionRecord, User, UserRecord } from '../../model/accounts.ts';
import { nameKey, rowToUser, rowToUserRecord, type UserRow } from '../account-rows.ts';

interface SessionRow {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  user_agent: string | null;
}

const rowToSession = (r: SessionRow): SessionRecord => ({ id: r.id, userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at, userAgent: r.user_agent });

export class PgAccountsBase {
  constructor(
    protected readonly pool: pg.Pool,
    /** One transaction on one connection: the store's own `PgStore.tx`. */
    protected readonly tx: <T>(fn: (c: pg.PoolClient) => Promise<T>) => Promise<T>,
  ) {}

  protected async one<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R | undefined> {
    return (await this.pool.query<R>(sql, params)).rows[0];
  }

  protected async count(sql: string, params: unknown[]): Promise<number> {
    return (await this.pool.query(sql, params)).rowCount ?? 0;
  }

  // ── users ──

  async createUser(u: UserRecord): Promise<User> {
    await this.pool.query('INSERT INTO users (id, name, name_key, role, password_hash, follows_all, feed_token, created_at, lang) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
      u.id, u.name, nameKey(u.name), u.role, u.passwordHash, u.followsAll, u.feedToken, u.createdAt, u.lang ?? null,
    ]);
    return (await this.getUser(u.id))!;
  }

  async getUser(id: string): Promise<User | null> {
    const r = await this.one<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return r ? rowToUser(r) : null;
  }

  async findUserByName(name: string): Promise<UserRecord | null> {
    const r = await this.one<UserRow>('SELECT * FROM users WHERE name_key = $1', [nameKey(name)]);
    return r ? rowToUserRecord(r) : null;
  }

  async findUserByFeedToken(token: string): Promise<User | null> {
    const r = await this.one<UserRow>('SELECT * FROM users WHERE feed_token = $1', [token]);
    return r ? rowToUser(r) : null;
  }

  async listUsers(): Promise<User[]> {
    return (await this.pool.query<UserRow>('SELECT * FROM users ORDER BY name_key')).rows.map(rowToUser);
  }

  async removeUser(id: string): Promise<boolean> {
    return this.tx(async (c) => {
      for (const t of ['sessions', 'api_keys', 'follows', 'story_reads', 'starred']) await c.query(`DELETE FROM ${t} WHERE user_id = $1`, [id]);
      return ((await c.query('DELETE FROM users WHERE id = $1', [id])).rowCount ?? 0) > 0;
    });
  }

  async setPassword(id: string, passwordHash: string): Promise<boolean> {
    return this.tx(async (c) => {
      const n = (await c.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, id])).rowCount ?? 0;
      await c.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      return n > 0;
    });
  }

  async setRole(id: string, role: Role): Promise<boolean> {
    return (await this.count('UPDATE users SET role = $1 WHERE id = $2', [role, id])) > 0;
  }

  async setFeedToken(id: string, token: string): Promise<boolean> {
    return (await this.count('UPDATE users SET feed_token = $1 WHERE id = $2', [token, id])) > 0;
  }

  async setLanguage(id: string, lang: string | null): Promise<boolean> {
    return (await this.count('UPDATE users SET lang = $1 WHERE id = $2', [lang, id])) > 0;
  }

  async countAdmins(): Promise<number> {
    return Number((await this.one<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin'", []))!.n);
  }

  // ── sessions ──

  async createSession(s: SessionRecord): Promise<void> {
    await this.pool.query('INSERT INTO sessions (id, user_id, created_at, expires_at, user_agent) VALUES ($1, $2, $3, $4, $5)', [s.id, s.userId, s.createdAt, s.expiresAt, s.userAgent]);
  }

  async getSession(id: string, now: string): Promise<{ session: SessionRecord; user: User } | null> {
    const r = await this.one<SessionRow & { u: UserRow }>(
      'SELECT s.*, row_to_json(u.*) AS u FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND s.expires_at > $2',
      [id, now],
    );
    return r ? { session: rowToSession(r), user: rowToUser(r.u) } : null;
  }

  async listSessions(userId: string, now: string): Promise<SessionRecord[]> {
    return (await this.pool.query<SessionRow>('SELECT * FROM sessions WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at DESC', [userId, now])).rows.map(rowToSession);
  }

  async revokeSession(userId: string, id: string): Promise<boolean> {
    return (await this.count('DELETE FROM sessions WHERE user_id = $1 AND id = $2', [userId, id])) > 0;
  }

  async pruneSessions(now: string): Promise<number> {
    return this.count('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  }

  // ── API keys ──

  async createApiKey(k: ApiKeyRecord, keyHash: string): Promise<void> {
    await this.pool.query('INSERT INTO api_keys (id, user_id, name, key_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [k.id, k.userId, k.name, keyHash, k.createdAt]);
  }

  async findApiKey(keyHash: string): Promise<{ key: ApiKeyRecord; user: User } | null> {
    const r = await this.one<{ id: string; user_id: string; name: string; created_at: string; u: UserRow }>(
      'SELECT k.id, k.user_id, k.name, k.created_at, row_to_json(u.*) AS u FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_hash = $1',
      [keyHash],
    );
    return r ? { key: { id: r.id, userId: r.user_id, name: r.name, createdAt: r.created_at }, user: rowToUser(r.u) } : null;
  }

  async listApiKeys(userId: string): Promise<ApiKeyRecord[]> {
    const rows = (await this.pool.query<{ id: string; user_id: string; name: string; created_at: string }>('SELECT id, user_id, name, created_at FROM api_keys WHERE user_id = $1 ORDER BY created_at, id', [userId])).rows;
    return rows.map((k) => ({ id: k.id, userId: k.user_id, name: k.name, createdAt: k.created_at }));
  }

  async revokeApiKey(userId: string, id: string): Promise<boolean> {
    return (await this.count('DELETE FROM api_keys WHERE user_id = $1 AND id = $2', [userId, id])) > 0;
  }

  // ── settings and the login limiter ──

  async getSetting(key: string): Promise<string | null> {
    return (await this.one<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]))?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  async loginFailures(keys: string[], windowStart: string): Promise<Map<string, number>> {
    const rows = (await this.pool.query<{ key: string; count: number }>('SELECT key, count FROM login_failures WHERE key = ANY($1::text[]) AND window_start >= $2', [keys, windowStart])).rows;
    const got = new Map(rows.map((r) => [r.key, Number(r.count)]));
    return new Map(keys.map((k) => [k, got.get(k) ?? 0]));
  }

  async recordLoginFailure(keys: string[], now: string, windowStart: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO login_failures (key, count, window_start) SELECT k, 1, $2 FROM unnest($1::text[]) k
       ON CONFLICT (key) DO UPDATE SET count = CASE WHEN login_failures.window_start < $3 THEN 1 ELSE login_failures.count + 1 END,
                                       window_start = CASE WHEN login_failures.window_start < $3 THEN $2 ELSE login_failures.window_start END`,
      [keys, now, windowStart],
    );
  }

  async clearLoginFailures(keys: string[]): Promise<void> {
    await this.pool.query('DELETE FROM login_failures WHERE key = ANY($1::text[])', [keys]);
  }
}
