/**
 * Who a Google Reader request is, and the login that makes it so.
 *
 * - `POST /accounts/ClientLogin` (form `Email`, `Passwd`; as FreshRSS and Miniflux) goes
 *   through the accounts service's `login`: the same argon2id check, the same store-backed
 *   limiter (per account and per address), the same answer for an unknown name and a wrong
 *   password. On success it starts a **session** (the accounts store's sessions: stored as
 *   SHA-256, listed with the app's user agent on the person's settings page, revocable
 *   there, 30 days) and answers `SID=…\nLSID=…\nAuth=<token>` (or JSON with `output=json`).
 * - Every other route needs `Authorization: GoogleLogin auth=<token>`, resolved by a
 *   route-level onRequest hook (before the global CSRF preHandler) into `req.greader`;
 *   a missing, malformed, expired or revoked token is a 401. The session cookie is never
 *   accepted here: only that header, which a browser never attaches by itself, so these
 *   POSTs need no CSRF form token (app.ts's CSRF `skip` lets a request through when
 *   `req.greader` is set, i.e. only when the header authenticated).
 * - `GET /reader/api/0/token` gives the `T` token apps send back with writes: derived from
 *   the Auth token (SHA-256), so it is stable for a session. A write whose `T` is present
 *   and wrong is refused (401 with `X-Reader-Google-Bad-Token: true`, as Google did);
 *   a missing `T` is accepted (the header is the authentication).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { login, resolveSession } from '../../accounts/service.ts';
import { sha256hex } from '../../accounts/tokens.ts';
import type { User } from '../../model/accounts.ts';
import type { AccountsCtx } from '../accounts/deps.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The person a Google Reader request authenticated as (by its GoogleLogin header), with their token. */
    greader?: { user: User; token: string } | null;
  }
}

const GOOGLE_LOGIN = /^GoogleLogin\s+auth=([A-Za-z0-9_-]{20,200})\s*$/i;

/** The request's query and urlencoded body together (apps put parameters in either; repeated names kept). */
export function params(req: FastifyRequest): URLSearchParams {
  const q = new URLSearchParams(req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '');
  if (typeof req.body === 'string') for (const [k, v] of new URLSearchParams(req.body)) q.append(k, v);
  return q;
}

export const writeToken = (authToken: string): string => sha256hex(`marsad-greader-T\0${authToken}`).slice(0, 57);

export const unauthorized = (reply: FastifyReply, badToken = false): FastifyReply => {
  if (badToken) void reply.header('x-reader-google-bad-token', 'true');
  return reply.code(401).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Unauthorized');
};

/** The route-level onRequest hook of every route but ClientLogin. */
export function authenticate(ctx: AccountsCtx) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const h = req.headers.authorization;
    const m = typeof h === 'string' ? GOOGLE_LOGIN.exec(h) : null;
    const s = m ? await resolveSession(ctx.store, m[1]!) : null;
    if (!s) return unauthorized(reply);
    req.greader = { user: s.user, token: m![1]! };
    return undefined;
  };
}

/** A write's `T`, when the app sent one, must be this session's. */
export function checkWriteToken(req: FastifyRequest, p: URLSearchParams): boolean {
  const t = p.get('T');
  return t === null || t === '' || t === writeToken(req.greader!.token);
}

export async function clientLogin(ctx: AccountsCtx, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const p = params(req);
  const r = await login(ctx.store, { name: p.get('Email') ?? '', password: p.get('Passwd') ?? '', address: req.ip, userAgent: req.headers['user-agent'] ?? 'Google Reader client' }, ctx.limits);
  void reply.header('cache-control', 'no-store');
  if (!r.ok) {
    if (r.reason === 'limited') return reply.code(429).header('retry-after', String(r.retryAfterSec ?? 900)).type('text/plain; charset=utf-8').send('Error=TooManyAttempts\n');
    return reply.code(401).type('text/plain; charset=utf-8').send('Error=BadAuthentication\n');
  }
  if (p.get('output') === 'json') return reply.send({ SID: r.token, LSID: 'null', Auth: r.token });
  return reply.type('text/plain; charset=utf-8').send(`SID=${r.token}\nLSID=null\nAuth=${r.token}\n`);
}
