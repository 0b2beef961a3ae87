/**
 * Who a request is: the `marsad_session` cookie (a session in the database) or an API key
 * (`Authorization: Bearer mk_…`), resolved once per request into `req.account` by an
 * onRequest hook; requests with neither cost no lookup. Also the private-instance gate:
 * when the admin has made the instance private, every page but login (and the admin's
 * token login, and capability feeds) redirects to /login, and the API answers 401.
 *
 * Cookie: `marsad_session=<token>; HttpOnly; SameSite=Lax; Path=/` (+ `Secure` when the
 * request came over HTTPS, directly or through a trusted proxy), Max-Age = the session's
 * life. Lax, not Strict: a person following a link to the site from elsewhere arrives
 * logged in; writes are covered by the CSRF hook (Origin + form token) all the same.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountStore } from '../../model/accounts.ts';
import { resolveApiKey, resolveSession, SESSION_MS } from '../../accounts/service.ts';
import { isApiKey } from '../../accounts/tokens.ts';
import { bearerToken, cookieToken, isAdmin } from '../auth.ts';

export const SESSION_COOKIE = 'marsad_session';

export const sessionCookie = (req: FastifyRequest): string | null => cookieToken(req, SESSION_COOKIE);

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  const secure = req.protocol === 'https' ? '; Secure' : '';
  void reply.header('set-cookie', `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${Math.floor(SESSION_MS / 1000)}${secure}`);
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  const secure = req.protocol === 'https' ? '; Secure' : '';
  void reply.header('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0${secure}`);
}

/** The instance setting: anonymous reading allowed (public) or not (private). */
export const PRIVATE_SETTING = 'instance.private';

/** Paths reachable without an account on a private instance (the Google Reader API authenticates each request itself). */
const OPEN = [/^\/login(\?|$)/, /^\/static\//, /^\/healthz$/, /^\/admin(\/login)?(\?|$)/, /^\/u\/[A-Za-z0-9_-]+\/starred\.atom$/, /^\/alerts\/[0-9a-f]{16}\/feed\.atom$/, /^\/api\/greader\//];

export interface SessionHooks {
  /** Whether the instance is private now (cached for a few seconds; see `privacy`). */
  isPrivate(): Promise<boolean>;
  /** Sets the instance's privacy (this process sees it at once, others within the cache time). */
  setPrivate(v: boolean): Promise<void>;
}

/** How long a process trusts its reading of the privacy setting (another `serve` may change it). */
const PRIVACY_TTL_MS = 5000;

export function registerSessions(app: FastifyInstance, store: AccountStore, o: { adminToken: string | null }): SessionHooks {
  let cached: { value: boolean; at: number } | null = null;
  const isPrivate = async (): Promise<boolean> => {
    if (cached && Date.now() - cached.at < PRIVACY_TTL_MS) return cached.value;
    const value = (await store.getSetting(PRIVATE_SETTING)) === '1';
    cached = { value, at: Date.now() };
    return value;
  };
  app.decorateRequest('account', null);

  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/static/')) return;
    const bearer = bearerToken(req);
    if (bearer && isApiKey(bearer)) {
      const user = await resolveApiKey(store, bearer);
      if (!user) return reply.code(401).send({ error: 'unauthorized', message: 'unknown or revoked API key' });
      req.account = { user, via: 'apikey', sessionId: null };
    } else {
      const token = sessionCookie(req);
      const s = token ? await resolveSession(store, token) : null;
      if (s) req.account = { user: s.user, via: 'session', sessionId: s.session.id };
    }
    if (req.account || isAdmin(req, o.adminToken) || !(await isPrivate())) return;
    if (OPEN.some((r) => r.test(req.url))) return;
    if (req.url.startsWith('/api/')) return reply.code(401).header('cache-control', 'no-store').send({ error: 'unauthorized', message: 'this instance is private: an API key (Authorization: Bearer mk_…) is required' });
    return reply.header('cache-control', 'no-store').redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
  });

  return {
    isPrivate,
    async setPrivate(v: boolean) {
      await store.setSetting(PRIVATE_SETTING, v ? '1' : '0');
      cached = { value: v, at: Date.now() };
    },
  };
}

/** A same-site path to go back to after login (never another host: `//evil` and `/\evil` are refused). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.length > 1000) return '/me';
  return next;
}
