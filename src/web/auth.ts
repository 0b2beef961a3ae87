/**
 * The admin token (MARSAD_ADMIN_TOKEN), compared in constant time. Accepted as
 * `Authorization: Bearer <token>` (API) or the HttpOnly `marsad_admin` cookie set by the
 * admin login form. Without a configured token, writes are refused. A person logged in
 * with the admin role (src/web/accounts/, `req.account`) is an admin too.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { User } from '../model/accounts.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The person this request is authenticated as (session cookie or API key), set by web/accounts/session.ts. */
    account?: { user: User; via: 'session' | 'apikey'; sessionId: string | null } | null;
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function tokenMatches(given: string | null | undefined, expected: string | null): boolean {
  if (!expected || !given) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

export function cookieToken(req: FastifyRequest, name = 'marsad_admin'): string | null {
  const c = req.headers.cookie;
  if (!c) return null;
  for (const part of c.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    // A malformed cookie (bad percent-encoding) is no session, never a 500.
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

export function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(.+)$/i.exec(h) : null;
  return m ? m[1]!.trim() : null;
}

export function isAdmin(req: FastifyRequest, expected: string | null): boolean {
  if (req.account?.user.role === 'admin') return true;
  return tokenMatches(bearerToken(req) ?? cookieToken(req), expected);
}
