/**
 * CSRF protection for every state-changing request a browser authenticates with a cookie,
 * as one fastify hook any feature can reuse (the admin today, accounts later).
 *
 * Why: a cookie is sent whoever builds the request. SameSite=Strict stops other sites but
 * not another origin of the same site (another port, a sibling subdomain), and not old
 * browsers; a page there could auto-submit a form to /admin/sources. Two independent
 * checks, both required:
 * 1. Origin: the request's `Origin` (or, when a browser sent none, the origin of its
 *    `Referer`) must equal the site's own origin exactly — scheme, host and port, from the
 *    configured base URL, never from the Host header. Neither header, or `Origin: null`:
 *    refused.
 * 2. A form token: HMAC-SHA256(secret, session) of the session the cookie carries, sent as
 *    the `_csrf` form field or the `x-csrf-token` header and compared in constant time. A
 *    page of another origin cannot read it (same-origin policy), so cannot send it.
 *
 * Contract: `registerCsrf(app, opts)` adds `req.csrfToken()` (the token for the request's
 * session, null without one) and a preHandler on POST/PUT/PATCH/DELETE that throws a 403
 * (`csrf.origin`, `csrf.token`) before the handler runs. Requests the `skip` option
 * recognizes (authenticated by a bearer token, which a browser never attaches by itself)
 * and requests without a session pass, except routes with `config: { csrf: 'origin' }`
 * (a login form) whose origin is checked anyway.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The CSRF token of this request's session, to put in its forms; null without a session. */
    csrfToken(): string | null;
  }
  interface FastifyContextConfig {
    /** 'origin': check the Origin even without a session (e.g. a login form). */
    csrf?: 'origin';
  }
}

export interface CsrfOptions {
  /** The site's own origin, e.g. `https://marsad.example` (asked per request: it may be known only once listening). */
  origin: () => string;
  /** Key of the HMAC. */
  secret: string | Buffer;
  /** The session the request's cookie authenticates, or null. */
  session: (req: FastifyRequest) => string | null;
  /** True for requests authenticated otherwise than by a cookie (a bearer token). */
  skip?: (req: FastifyRequest) => boolean;
  /** Form field of the token (default `_csrf`). */
  field?: string;
  /** Header of the token (default `x-csrf-token`). */
  header?: string;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class CsrfError extends Error {
  readonly statusCode = 403;
  constructor(
    readonly code: 'csrf.origin' | 'csrf.token',
    message: string,
  ) {
    super(message);
  }
}

/** The origin a browser says the request comes from: `Origin`, else the `Referer`'s; null when neither. */
export function requestOrigin(req: FastifyRequest): string | null {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== '') return origin;
  const referer = req.headers.referer;
  if (typeof referer !== 'string' || referer === '') return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

function submittedToken(req: FastifyRequest, field: string, header: string): string | null {
  const h = req.headers[header];
  if (typeof h === 'string' && h) return h;
  const body = req.body;
  if (typeof body === 'string' && /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) return new URLSearchParams(body).get(field);
  if (body && typeof body === 'object' && field in body) {
    const v = (body as Record<string, unknown>)[field];
    return typeof v === 'string' ? v : null;
  }
  return null;
}

export function registerCsrf(app: FastifyInstance, opts: CsrfOptions): void {
  const field = opts.field ?? '_csrf';
  const header = (opts.header ?? 'x-csrf-token').toLowerCase();
  const tokenFor = (session: string): string => createHmac('sha256', opts.secret).update(`csrf\0${session}`).digest('base64url');

  app.decorateRequest('csrfToken', function (this: FastifyRequest) {
    const s = opts.session(this);
    return s ? tokenFor(s) : null;
  });

  app.addHook('preHandler', async (req) => {
    if (!UNSAFE.has(req.method) || opts.skip?.(req)) return;
    const session = opts.session(req);
    if (!session && req.routeOptions.config?.csrf !== 'origin') return;
    const expected = opts.origin();
    const got = requestOrigin(req);
    if (got !== expected) {
      throw new CsrfError('csrf.origin', got === null ? `csrf.origin: the request names no Origin or Referer; writes are accepted from ${expected} only` : `csrf.origin: a request from ${got} may not write here (only ${expected})`);
    }
    if (!session) return;
    const given = Buffer.from(submittedToken(req, field, header) ?? '');
    const want = Buffer.from(tokenFor(session));
    if (given.length !== want.length || !timingSafeEqual(given, want)) {
      throw new CsrfError('csrf.token', `csrf.token: missing or wrong form token (${field}); reload the page and submit again`);
    }
  });
}
