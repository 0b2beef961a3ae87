/**
 * Accounts on SQLite (migration 020): users, sessions, API keys, settings and the login
 * limiter's counters, on the store's connection. Reading state (follows, read marks,
 * stars: migration 021) is the subclass in reading.ts; together they are the AccountStore.
 *
 * Two things about writes on this shared connection:
 * - The pipeline's write transaction spans awaits; a person's write arriving meanwhile
 *   would land inside it, so every write first waits for the connection to be out of a
 *   transaction (as the alerts do).
 * - The web layer's read cache is keyed on the store's change token, which counts this
 *   connection's changes (`total_changes()`). A read mark is not a change to anything the
 *   cache holds, so the rows these writes change are counted in `quiet.changes` and the
 *   token leaves them out (src/store/sqlite/marsad.ts): a person reading does not make
 *   every cached page recompute.
 */
import type Database from 'better-sqlite3';
import type { ApiKeyRecord, Role, SessionRecord, User, UserRecord } from '../../model/accounts.ts';
import { nameKey, rowToUser, rowToUserRecord, type UserRow } from '../account-rows.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rows changed by account writes, which the change token leaves out. */
export interface QuietChanges {
  changes: number;
}

interface SessionRow {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  user_agent: string | null;
}

const rowToSession = (r: SessionRow): SessionRecord => ({ id: r.id, userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at, userAgent: r.user_agent });

export class SqliteAccountsBase {
  private readonly totalChanges: Database.Statement;

  constructor(
    protected readonly db: Database.Database,
    private readonly quiet: QuietChanges,
  ) {
    this.totalChanges = db.prepare('SELECT total_changes()').pluck();
  }

  /** Runs `fn` in its own IMMEDIATE transaction once the connection is idle; its changes are quiet. */
  protected async write<T>(fn: () => T): Promise<T> {
    while (this.db.inTransaction) await sleep(2);
    const before = Number(this.totalChanges.get());
    try {
      return this.db.transaction(fn).immediate();
    } finally {
      this.quiet.changes += Number(this.totalChanges.get()) - before;
    }
  }

  protected user(where: string, ...args: unknown[]): UserRow | undefined {
    return this.db.prepare(`SELECT * FROM users WHERE ${where}`).get(...args) as UserRow | undefined;
  }

  // ── users ──

  async createUser(u: UserRecord): Promise<User> {
    await this.write(() =>
      this.db
        .prepare('INSERT INTO users (id, name, name_key, role, password_hash, follows_all, feed_token, created_at, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(u.id, u.name, nameKey(u.name), u.role, u.passwordHash, u.followsAll ? 1 : 0, u.feedToken, u.createdAt, u.lang ?? null),
    );
    return (await this.getUser(u.id))!;
  }

  getUser(id: string): Promise<User | null> {
    const r = this.user('id = ?', id);
    return Promise.resolve(r ? rowToUser(r) : null);
  }

  findUserByName(name: string): Promise<UserRecord | null> {
    const r = this.user('name_key = ?', nameKey(name));
    return Promise.resolve(r ? rowToUserRecord(r) : null);
  }

  findUserByFeedToken(token: string): Promise<User | null> {
    const r = this.user('feed_token = ?', token);
    return Promise.resolve(r ? rowToUser(r) : null);
  }

  listUsers(): Promise<User[]> {
    return Promise.resolve((this.db.prepare('SELECT * FROM users ORDER BY name_key').all() as UserRow[]).map(rowToUser));
  }

  async removeUser(id: string): Promise<boolean> {
    return this.write(() => {
      for (const t of ['sessions', 'api_keys', 'follows', 'story_reads', 'starred']) this.db.prepare(`DELETE FROM ${t} WHERE user_id = ?`).run(id);
      return this.db.prepare('DELETE FROM users WHERE id = ?').run(id).changes > 0;
    });
  }

  async setPassword(id: string, passwordHash: string): Promise<boolean> {
    return this.write(() => {
      const n = this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id).changes;
      this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
      return n > 0;
    });
  }

  async setRole(id: string, role: Role): Promise<boolean> {
    return this.write(() => this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id).changes > 0);
  }

  async setFeedToken(id: string, token: string): Promise<boolean> {
    return this.write(() => this.db.prepare('UPDATE users SET feed_token = ? WHERE id = ?').run(token, id).changes > 0);
  }

  setLanguage(id: string, lang: string | null): Promise<boolean> {
    return this.write(() => this.db.prepare('UPDATE users SET lang = ? WHERE id = ?').run(lang, id).changes > 0);
  }

  countAdmins(): Promise<number> {
    return Promise.resolve(Number(this.db.prepare("SELECT count(*) FROM users WHERE role = 'admin'").pluck().get()));
  }

  // ── sessions ──

  async createSession(s: SessionRecord): Promise<void> {
    await this.write(() => this.db.prepare('INSERT INTO sessions (id, user_id, created_at, expires_at, user_agent) VALUES (?, ?, ?, ?, ?)').run(s.id, s.userId, s.createdAt, s.expiresAt, s.userAgent));
  }

  getSession(id: string, now: string): Promise<{ session: SessionRecord; user: User } | null> {
    const s = this.db.prepare('SELECT * FROM sessions WHERE id = ? AND expires_at > ?').get(id, now) as SessionRow | undefined;
    const u = s ? this.user('id = ?', s.user_id) : undefined;
    return Promise.resolve(s && u ? { session: rowToSession(s), user: rowToUser(u) } : null);
  }

  listSessions(userId: string, now: string): Promise<SessionRecord[]> {
    return Promise.resolve((this.db.prepare('SELECT * FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY created_at DESC').all(userId, now) as SessionRow[]).map(rowToSession));
  }

  async revokeSession(userId: string, id: string): Promise<boolean> {
    return this.write(() => this.db.prepare('DELETE FROM sessions WHERE user_id = ? AND id = ?').run(userId, id).changes > 0);
  }

  async pruneSessions(now: string): Promise<number> {
    return this.write(() => this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes);
  }

  // ── API keys ──

  async createApiKey(k: ApiKeyRecord, keyHash: string): Promise<void> {
    await this.write(() => this.db.prepare('INSERT INTO api_keys (id, user_id, name, key_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(k.id, k.userId, k.name, keyHash, k.createdAt));
  }

  findApiKey(keyHash: string): Promise<{ key: ApiKeyRecord; user: User } | null> {
    const k = this.db.prepare('SELECT id, user_id, name, created_at FROM api_keys WHERE key_hash = ?').get(keyHash) as { id: string; user_id: string; name: string; created_at: string } | undefined;
    const u = k ? this.user('id = ?', k.user_id) : undefined;
    return Promise.resolve(k && u ? { key: { id: k.id, userId: k.user_id, name: k.name, createdAt: k.created_at }, user: rowToUser(u) } : null);
  }

  listApiKeys(userId: string): Promise<ApiKeyRecord[]> {
    const rows = this.db.prepare('SELECT id, user_id, name, created_at FROM api_keys WHERE user_id = ? ORDER BY created_at, id').all(userId) as Array<{ id: string; user_id: string; name: string; created_at: string }>;
    return Promise.resolve(rows.map((k) => ({ id: k.id, userId: k.user_id, name: k.name, createdAt: k.created_at })));
  }

  async revokeApiKey(userId: string, id: string): Promise<boolean> {
    return this.write(() => this.db.prepare('DELETE FROM api_keys WHERE user_id = ? AND id = ?').run(userId, id).changes > 0);
  }

  // ── settings and the login limiter ──

  getSetting(key: string): Promise<string | null> {
    return Promise.resolve((this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null);
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.write(() => this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value));
  }

  loginFailures(keys: string[], windowStart: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const q = this.db.prepare('SELECT count FROM login_failures WHERE key = ? AND window_start >= ?').pluck();
    for (const k of keys) out.set(k, Number(q.get(k, windowStart) ?? 0));
    return Promise.resolve(out);
  }

  async recordLoginFailure(keys: string[], now: string, windowStart: string): Promise<void> {
    const up = this.db.prepare(
      `INSERT INTO login_failures (key, count, window_start) VALUES (@key, 1, @now)
       ON CONFLICT (key) DO UPDATE SET count = CASE WHEN window_start < @ws THEN 1 ELSE count + 1 END,
                                       window_start = CASE WHEN window_start < @ws THEN @now ELSE window_start END`,
    );
    await this.write(() => {
      for (const key of keys) up.run({ key, now, ws: windowStart });
    });
  }

  async clearLoginFailures(keys: string[]): Promise<void> {
    const del = this.db.prepare('DELETE FROM login_failures WHERE key = ?');
    await this.write(() => {
      for (const k of keys) del.run(k);
    });
  }
}
