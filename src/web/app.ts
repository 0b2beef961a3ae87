/**
 * The HTTP server: server-rendered RTL pages, Atom feeds, the JSON API and the admin page,
 * with security headers (CSP) on every reply, errors included, rate limits on search and
 * writes (the same for a route's page, feed and API forms), CSRF checks on cookie-made
 * writes, and errors that never leak a stack trace but are logged with the request id.
 * `buildApp` takes its dependencies; it opens nothing itself.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rootUrl } from '../paths.ts';
import type { ReaderStore, SourceAdmin } from './types.ts';
import { registerReaderPages } from './pages/reader.ts';
import { registerSearchPage } from './pages/search.ts';
import { registerEntityPages } from './pages/entity.ts';
import { registerComparePage } from './pages/timeline.ts';
import { registerAdminPages } from './pages/admin.ts';
import { registerAtomFeeds } from './feeds/atom.ts';
import { registerApi } from './api/v1.ts';
import { errorPage } from './pages/errors.ts';
import { cachedStore } from './cache.ts';
import { addSecurityHeaders, type ApplyHeaders } from './headers.ts';
import { registerCsrf } from './csrf.ts';
import { bearerToken, cookieToken } from './auth.ts';
import { ProcessMetrics } from './metrics.ts';
import { strictGuard, type AddressGuard } from '../ingest/fetch/guard.ts';
import type { AlertsWeb } from './alerts/deps.ts';
import { registerAlertsApi } from './alerts/api.ts';
import { registerAlertsAdmin } from './alerts/admin.ts';
import { registerAlertFeed } from './alerts/feed.ts';
import { registerAccountHooks, registerAccountRoutes, sessionCookie, type AccountsWeb } from './accounts/index.ts';
import type { AccountStore } from '../model/accounts.ts';
import { registerLanguageSwitch, uiOf } from './i18n/negotiate.ts';
import { registerGreaderRoutes } from './greader/routes.ts';

export interface AppDeps {
  store: ReaderStore & Partial<SourceAdmin>;
  adminToken: string | null;
  /** Path of the starter OPML offered on the admin page. */
  starterOpml?: string | null;
  /** A pino logger (what `serve` passes: every 5xx is logged with its request id), or fastify's own on/off. */
  logger?: boolean | Logger;
  rateLimit?: { search: number; write: number };
  /** Which feed URLs may be subscribed (default: public addresses only). */
  guard?: AddressGuard;
  /** The site's origin (MARSAD_BASE_URL); default: http://<address>:<port> the server listens on. */
  baseUrl?: string | null;
  /** Proxies whose X-Forwarded-Proto/-For are believed (comma-separated addresses or CIDRs). */
  trustProxy?: string | null;
  /** Key of the CSRF tokens; default derived from the admin token. */
  csrfSecret?: string | null;
  /** How long (ms) the read cache may serve a read made before the last commit (src/web/cache.ts); default 0. */
  cacheStaleMs?: number;
  /** Saved searches that notify (API, admin page, feeds); absent: no alert routes. */
  alerts?: AlertsWeb | null;
  /** Accounts, following and read state (src/web/accounts/); absent: the anonymous site only. */
  accounts?: AccountsWeb | null;
}

/** The CSRF key when none is configured and there is no admin token: kept in the database, so forms outlive a restart as sessions do. */
async function storedSecret(store: AccountStore): Promise<Buffer> {
  const have = await store.getSetting('csrf.secret');
  if (have) return Buffer.from(have, 'base64url');
  const made = randomBytes(32);
  await store.setSetting('csrf.secret', made.toString('base64url'));
  return made;
}

const CSS = readFileSync(rootUrl('src/web/static/style.css'));
/** The keyboard shortcuts: the one script pages load (CSP `script-src 'self'`, nothing inline). */
const KEYS_JS = readFileSync(rootUrl('src/web/static/keys.js'));

/** http://<address>:<port> of the listening server (a wildcard address as 127.0.0.1); before listening, fastify inject's. */
function listeningOrigin(app: FastifyInstance): string {
  const a = app.server.address();
  if (!a || typeof a !== 'object') return 'http://localhost';
  const host = a.address === '0.0.0.0' || a.address === '::' ? '127.0.0.1' : a.family === 'IPv6' ? `[${a.address}]` : a.address;
  return new URL(`http://${host}:${a.port}`).origin;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const log = typeof deps.logger === 'object' ? { loggerInstance: deps.logger } : { logger: deps.logger ?? false };
  const trustProxy = deps.trustProxy ? deps.trustProxy.split(',').map((s) => s.trim()).filter(Boolean) : false;
  let applyHeaders: ApplyHeaders | null = null;
  const app = Fastify({
    ...log,
    trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // A path the router cannot decode (bad percent-encoding) never reaches a hook: headers are set here.
    frameworkErrors: (err, req, rep) => {
      const reply = rep as unknown as FastifyReply;
      applyHeaders?.(req as unknown as FastifyRequest, reply);
      const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 400;
      if (req.url.startsWith('/api/')) return void reply.code(status).send({ error: 'bad_request', message: err.message });
      const r = req as unknown as FastifyRequest;
      void reply.code(status).type('text/html; charset=utf-8').send(errorPage(uiOf(r), '/', status, uiOf(r).t('error.badUrl')));
    },
  }) as unknown as FastifyInstance;
  // Every route, as `METHOD /url`: the OpenAPI test checks that each API route is documented.
  const routes: string[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push(`${m} ${r.url}`);
  });
  app.decorate('marsadRoutes', routes);
  // OPML only as XML: a cross-site form can post text/plain, urlencoded or multipart, never these.
  // Nothing takes text/plain (fastify parses it by default): it is a 415 before any handler.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['text/x-opml', 'application/xml', 'text/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // helmet's headers, computed once per protocol (src/web/headers.ts): @fastify/helmet rebuilds them per request.
  applyHeaders = await addSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], styleSrc: ["'self'"], scriptSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"] },
    },
    // Not no-referrer: under it browsers send `Origin: null` with same-origin form posts, which the CSRF check refuses.
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, { global: false });

  let origin: string | null = deps.baseUrl ?? null;
  const siteOrigin = (): string => origin ?? (app.server.listening ? (origin = listeningOrigin(app)) : listeningOrigin(app));
  const secret =
    deps.csrfSecret ??
    (deps.adminToken ? createHash('sha256').update(`marsad-csrf\0${deps.adminToken}`).digest() : deps.accounts ? await storedSecret(deps.accounts.store) : randomBytes(32));
  // The session a form token is bound to: the admin's cookie, else a person's session cookie.
  // Skipped: bearer-token requests, and Google Reader requests whose GoogleLogin header
  // authenticated (req.greader is set by the route's onRequest, before this preHandler; never from a cookie).
  registerCsrf(app, { origin: siteOrigin, secret, session: (req) => cookieToken(req) ?? sessionCookie(req), skip: (req: FastifyRequest) => bearerToken(req) !== null || req.greader != null });

  const logged = new WeakSet<FastifyRequest>();
  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      req.log.error({ err, reqId: req.id, method: req.method, url: req.url }, 'request failed');
      logged.add(req);
    }
    const message = status === 500 ? `internal error (request ${req.id})` : err.message;
    const code = { 400: 'bad_request', 403: 'forbidden', 415: 'unsupported_media_type', 429: 'rate_limited' }[status] ?? 'error';
    if (req.url.startsWith('/api/')) return reply.code(status).send({ error: code, message });
    const u = uiOf(req);
    return reply.code(status).type('text/html; charset=utf-8').send(errorPage(u, req.url, status, status === 500 ? u.t('error.request', { id: String(req.id) }) : message));
  });
  // A 5xx answered without an exception (a 501, a 503) is logged too, once.
  app.addHook('onResponse', async (req, reply) => {
    if (reply.statusCode >= 500 && !logged.has(req)) req.log.error({ reqId: req.id, method: req.method, url: req.url, statusCode: reply.statusCode }, 'server error response');
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
    return reply.code(404).type('text/html; charset=utf-8').send(errorPage(uiOf(req), req.url, 404, null));
  });

  app.get('/static/style.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS));
  app.get('/static/keys.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(KEYS_JS));
  // Pages and feeds are in the UI language (src/web/i18n/negotiate.ts): a shared cache must
  // keep one copy per Accept-Language and Cookie (the `lang` cookie).
  app.addHook('onSend', async (_req, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') || type.startsWith('application/atom+xml')) reply.header('vary', 'Accept-Language, Cookie');
    return payload;
  });
  registerLanguageSwitch(app);
  app.get('/healthz', async () => ({ ok: true }));

  const metrics = new ProcessMetrics();
  app.addHook('onClose', async () => metrics.stop());
  const limits = deps.rateLimit ?? { search: 600, write: 60 };
  const guard = deps.guard ?? strictGuard;
  // Every route reads through the cache (src/web/cache.ts): the store's change token keeps it
  // fresh, or at most cacheStaleMs old.
  const store = cachedStore(deps.store, { maxStaleMs: deps.cacheStaleMs ?? 0 });
  // Who the request is, the private gate and the personal parts of pages: hooks, before any route.
  const accounts = deps.accounts
    ? registerAccountHooks(app, { ...deps.accounts, reader: store, adminToken: deps.adminToken, origin: siteOrigin, writeLimit: limits.write, alerts: deps.accounts.alerts ?? deps.alerts?.store ?? null })
    : null;
  registerReaderPages(app, store);
  registerSearchPage(app, store, { searchLimit: limits.search });
  registerEntityPages(app, store);
  registerComparePage(app, store);
  registerAtomFeeds(app, store, { origin: siteOrigin, searchLimit: limits.search });
  registerAdminPages(app, { store, adminToken: deps.adminToken, starterOpml: deps.starterOpml ?? null, guard, writeLimit: limits.write });
  registerApi(app, { store, adminToken: deps.adminToken, rateLimit: limits, guard, metrics: (o) => metrics.sample(o) });
  // Alerts read their own tables directly (not through the read cache): they change by the minute.
  if (deps.alerts) {
    const o = { adminToken: deps.adminToken, guard, writeLimit: limits.write };
    registerAlertsApi(app, deps.alerts, o);
    registerAlertsAdmin(app, deps.alerts, o);
    registerAlertFeed(app, deps.alerts, { origin: siteOrigin });
  }
  if (accounts) {
    registerAccountRoutes(app, accounts);
    // The Google Reader API for existing apps (src/web/greader/).
    registerGreaderRoutes(app, accounts);
  }
  return app;
}
