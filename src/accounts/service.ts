/**
 * What accounts do, over an AccountStore (src/model/accounts.ts), for the web and the CLI
 * alike: create users (names checked, passwords hashed), log in through the limiter,
 * start and resolve sessions, create and resolve API keys.
 *
 * The login limiter is store-backed (`login_failures`), not in memory: failed attempts
 * are counted per account (`u:<name>`, unknown names included, so a limit says nothing
 * about whether the account exists) and per client address (`a:<address>`) in fixed
 * windows; a restart does not reset them, and every `marsad serve` of a PostgreSQL
 * deployment sees the same counts (an in-memory limiter would give an attacker N
 * processes × the limit). Only failures are written, so a normal login costs no write
 * beyond its session. A success clears the account's counter, not the address's (one
 * valid account must not buy an address unlimited guesses at others).
 */
import type { AccountStore, ApiKeyRecord, Role, SessionRecord, User } from '../model/accounts.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { isApiKey, newApiKey, newFeedToken, newSessionToken, randomHex, sha256hex } from './tokens.ts';

export class AccountInputError extends Error {}

/** Login names: 1–64 letters (any script), digits, `.`, `_`, `-`, `@`. */
export const NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

export function checkName(name: string): string {
  const n = name.normalize('NFKC').trim();
  if (!NAME.test(n)) throw new AccountInputError('name: 1–64 letters, digits or . _ - @');
  return n;
}

export interface LoginLimits {
  /** Failed attempts per account per window. */
  perAccount: number;
  /** Failed attempts per client address per window. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: LoginLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** How long a session lasts (absolute, from login). */
export const SESSION_MS = 30 * 24 * 3_600_000;

export const nowIso = (): string => new Date().toISOString();

export async function createUser(store: AccountStore, o: { name: string; password: string; role: Role }, now = nowIso()): Promise<User> {
  const name = checkName(o.name);
  if (await store.findUserByName(name)) throw new AccountInputError(`name: ${name} is taken`);
  const passwordHash = await hashPassword(o.password);
  return store.createUser({ id: randomHex(8), name, role: o.role, passwordHash, followsAll: true, feedToken: newFeedToken(), createdAt: now, lang: null });
}

export async function changePassword(store: AccountStore, userId: string, password: string): Promise<boolean> {
  return store.setPassword(userId, await hashPassword(password));
}

export type LoginResult = { ok: true; user: User; token: string; session: SessionRecord } | { ok: false; reason: 'invalid' | 'limited'; retryAfterSec?: number };

/**
 * Checks the limiter, then the password (an unknown name costs the same argon2 time and
 * gets the same answer as a wrong password), then starts a session.
 */
export async function login(
  store: AccountStore,
  o: { name: string; password: string; address: string; userAgent?: string | null },
  limits: LoginLimits = DEFAULT_LIMITS,
  now = new Date(),
): Promise<LoginResult> {
  const keyName = o.name.normalize('NFKC').trim().toLowerCase().slice(0, 64);
  const keys = [`u:${keyName}`, `a:${o.address}`];
  const windowStart = new Date(now.getTime() - limits.windowMs).toISOString();
  const failures = await store.loginFailures(keys, windowStart);
  if ((failures.get(keys[0]!) ?? 0) >= limits.perAccount || (failures.get(keys[1]!) ?? 0) >= limits.perAddress) {
    return { ok: false, reason: 'limited', retryAfterSec: Math.ceil(limits.windowMs / 1000) };
  }
  const user = keyName ? await store.findUserByName(keyName) : null;
  const ok = await verifyPassword(user?.passwordHash ?? null, o.password);
  if (!ok || !user) {
    await store.recordLoginFailure(keys, now.toISOString(), windowStart);
    return { ok: false, reason: 'invalid' };
  }
  await store.clearLoginFailures([keys[0]!]);
  const { passwordHash: _hash, ...plain } = user;
  const started = await startSession(store, plain.id, o.userAgent ?? null, now);
  return { ok: true, user: plain, ...started };
}

export async function startSession(store: AccountStore, userId: string, userAgent: string | null, now = new Date()): Promise<{ token: string; session: SessionRecord }> {
  const token = newSessionToken();
  const session: SessionRecord = { id: sha256hex(token), userId, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + SESSION_MS).toISOString(), userAgent: userAgent?.slice(0, 200) ?? null };
  await store.createSession(session);
  // Expired sessions go when someone logs in (no timer needed).
  await store.pruneSessions(now.toISOString());
  return { token, session };
}

/** The unexpired session of a cookie token, with its user. */
export function resolveSession(store: AccountStore, token: string, now = nowIso()): Promise<{ session: SessionRecord; user: User } | null> {
  if (!token || token.length > 200) return Promise.resolve(null);
  return store.getSession(sha256hex(token), now);
}

export async function createApiKey(store: AccountStore, userId: string, name: string, now = nowIso()): Promise<{ key: string; record: ApiKeyRecord }> {
  const label = name.trim().slice(0, 100) || 'API';
  const key = newApiKey();
  const record: ApiKeyRecord = { id: randomHex(4), userId, name: label, createdAt: now };
  await store.createApiKey(record, sha256hex(key));
  return { key, record };
}

export async function resolveApiKey(store: AccountStore, key: string): Promise<User | null> {
  if (!isApiKey(key) || key.length > 200) return null;
  return (await store.findApiKey(sha256hex(key)))?.user ?? null;
}
