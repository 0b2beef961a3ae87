/**
 * The HTTP server: server-rendered RTL pages, Atom feeds, the JSON API and the admin page,
 * with security headers (CSP), rate limits on search and writes, and errors that never
 * leak a stack trace. `buildApp` takes its dependencies; it opens nothing itself.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { readFileSync } from 'node:fs';
import type { ReaderStore, SourceAdmin } from './types.ts';
import { registerReaderPages } from './pages/reader.ts';
import { registerSearchPage } from './pages/search.ts';
import { registerEntityPages } from './pages/entity.ts';
import { registerAdminPages } from './pages/admin.ts';
import { registerAtomFeeds } from './feeds/atom.ts';
import { registerApi } from './api/v1.ts';
import { errorPage } from './pages/errors.ts';
import { cachedStore } from './cache.ts';
import { addSecurityHeaders } from './headers.ts';

export interface AppDeps {
  store: ReaderStore & Partial<SourceAdmin>;
  adminToken: string | null;
  /** Path of the starter OPML offered on the admin page. */
  starterOpml?: string | null;
  logger?: boolean;
  rateLimit?: { search: number; write: number };
}

const CSS = readFileSync(new URL('./static/style.css', import.meta.url));

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false, trustProxy: false, bodyLimit: 2 * 1024 * 1024 });
  // Every route, as `METHOD /url`: the OpenAPI test checks that each API route is documented.
  const routes: string[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push(`${m} ${r.url}`);
  });
  app.decorate('marsadRoutes', routes);
  app.addContentTypeParser(['text/x-opml', 'application/xml', 'text/xml', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // helmet's headers, computed once (src/web/headers.ts): @fastify/helmet rebuilds them per request.
  await addSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], styleSrc: ["'self'"], scriptSrc: ["'none'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"] },
    },
  });
  await app.register(rateLimit, { global: false });

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    const message = status === 500 ? 'internal error' : err.message;
    if (req.url.startsWith('/api/')) return reply.code(status).send({ error: status === 400 ? 'bad_request' : status === 429 ? 'rate_limited' : 'error', message });
    return reply.code(status).type('text/html; charset=utf-8').send(errorPage(status, message));
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
    return reply.code(404).type('text/html; charset=utf-8').send(errorPage(404, 'الصفحة غير موجودة'));
  });

  app.get('/static/style.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS));
  app.get('/healthz', async () => ({ ok: true }));

  // Every route reads through the cache (src/web/cache.ts): the store's change token keeps it fresh.
  const store = cachedStore(deps.store);
  registerReaderPages(app, store);
  registerSearchPage(app, store);
  registerEntityPages(app, store);
  registerAtomFeeds(app, store);
  registerAdminPages(app, { store, adminToken: deps.adminToken, starterOpml: deps.starterOpml ?? null });
  registerApi(app, { store, adminToken: deps.adminToken, rateLimit: deps.rateLimit ?? { search: 600, write: 60 } });
  return app;
}
