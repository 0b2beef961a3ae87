/**
 * The JSON API under /api/v1. Reads are public; writes need the admin token. Bad
 * parameters give 400 with a message naming the parameter, unknown ids 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReaderStore, SourceAdmin } from '../types.ts';
import type { CardReader } from '../cache.ts';
import { BadRequest, bool, collapseParam, date, endOfDay, int, str, type Query } from '../params.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { isAdmin } from '../auth.ts';
import { openApiDocument } from './openapi.ts';
import { parseDocument } from '../../ingest/index.ts';
import { screenUrls, type AddressGuard } from '../../ingest/fetch/guard.ts';
import type { MetricsSample } from '../metrics.ts';
import { CSV_TYPE, comentionsCsv, searchCsv, storiesTogetherCsv, timelineCsv } from '../../export/csv.ts';
import { TimelineError, type TimelineBy, type TimelineUnit } from '../../store/timeline.ts';
import { findEntity } from '../../pipeline/entity.ts';
import { storyMovedTo } from '../moved.ts';

export interface ApiDeps {
  store: ReaderStore & Partial<SourceAdmin> & Partial<Pick<CardReader, 'rendered'>>;
  adminToken: string | null;
  /** Per-route rate limits (requests per minute) for search and writes. */
  rateLimit: { search: number; write: number };
  /** Which feed URLs may be subscribed (the poller's address guard). */
  guard: AddressGuard;
  metrics?: (opts: { resetTotal?: boolean }) => MetricsSample;
}

/** OPML arrives as XML; JSON endpoints take JSON only (a cross-site form can send neither). */
const OPML_TYPES = new Set(['text/x-opml', 'application/xml', 'text/xml']);
const mediaType = (req: FastifyRequest): string => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
function unsupported(reply: FastifyReply, want: string) {
  return reply.code(415).send({ error: 'unsupported_media_type', message: `Content-Type must be ${want}` });
}

/** The repeated `entity` parameter (1 to `max` names or ids). */
function entitiesParam(q: Query, max: number): string[] {
  const raw = q.entity === undefined ? [] : [q.entity].flat();
  if (raw.some((x) => typeof x !== 'string')) throw new BadRequest('entity', 'must be entity ids or names');
  const list = (raw as string[]).map((x) => x.trim()).filter(Boolean);
  if (list.length === 0) throw new BadRequest('entity', 'is required (an id such as country:IR, or a name; repeat it to compare)');
  if (list.length > max) throw new BadRequest('entity', `at most ${max} entities, got ${list.length}`);
  if (list.some((x) => x.length > 200)) throw new BadRequest('entity', 'longer than 200 characters');
  return list;
}

/** `format=csv` or `format=json` (the default). */
function wantsCsv(q: Query): boolean {
  const f = str(q, 'format', 10);
  if (f !== null && f !== 'csv' && f !== 'json') throw new BadRequest('format', 'must be json or csv');
  return f === 'csv';
}

function sendCsv(reply: FastifyReply, name: string, body: string) {
  return reply.type(CSV_TYPE).header('content-disposition', `attachment; filename="${name}.csv"`).send(body);
}

/** An unknown entity is a 404 in the API's error shape; other timeline errors are 400s. */
async function timelineCall<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof TimelineError && e.statusCode === 404) return reply.code(404).send({ error: 'not_found', message: e.message });
    throw e;
  }
}

function notFound(reply: FastifyReply, what: string) {
  return reply.code(404).send({ error: 'not_found', message: `${what} not found` });
}

export function registerApi(app: FastifyInstance, deps: ApiDeps): void {
  const { store } = deps;
  const search = { config: { rateLimit: { max: deps.rateLimit.search, timeWindow: '1 minute' } } };
  const write = { config: { rateLimit: { max: deps.rateLimit.write, timeWindow: '1 minute' } } };
  const requireAdmin = (req: FastifyRequest, reply: FastifyReply): boolean => {
    if (isAdmin(req, deps.adminToken)) return true;
    void reply.code(deps.adminToken ? 401 : 403).send({ error: 'unauthorized', message: deps.adminToken ? 'a valid admin token is required (Authorization: Bearer …)' : 'writes are disabled: set MARSAD_ADMIN_TOKEN' });
    return false;
  };

  app.get('/api/v1/openapi.json', async () => openApiDocument);

  app.get('/api/v1/search', search, async (req, reply) => {
    const q = req.query as Query;
    const text = str(q, 'q', 1000);
    if (!text) throw new BadRequest('q', 'is required');
    const limit = int(q, 'limit', 20, 1, 100);
    const offset = decodeCursor(str(q, 'cursor', 200));
    // collapse=story: one result per story (each with `coverage`), total counting stories;
    // the API's default stays none (one result per article), as before the parameter existed.
    const collapse = collapseParam(q, 'none');
    const r = await store.search({ q: text, outlet: str(q, 'outlet'), from: date(q, 'from'), to: endOfDay(date(q, 'to')), tag: str(q, 'tag'), recency: bool(q, 'recent'), limit: limit + 1, offset, collapse });
    const results = r.hits.slice(0, limit);
    if (wantsCsv(q)) return sendCsv(reply, 'search', searchCsv(results));
    return { results, next: r.hits.length > limit ? encodeCursor(offset + limit) : null, total: r.total, ...(r.approximate ? { approximate: true } : {}), ...(r.notice ? { notice: r.notice } : {}) };
  });

  app.get('/api/v1/articles', async (req, reply) => {
    const q = req.query as Query;
    const limit = int(q, 'limit', 20, 1, 100);
    const offset = decodeCursor(str(q, 'cursor', 200));
    const o = { outlet: str(q, 'outlet'), from: date(q, 'from'), to: endOfDay(date(q, 'to')), entityId: str(q, 'entity'), keyword: str(q, 'keyword'), limit: limit + 1, offset, collapse: collapseParam(q, 'none') };
    // Whole articles, bodies included: the read cache keeps the serialized answer by URL.
    const make = async () => {
      const rows = await store.listArticles(o);
      return JSON.stringify({ results: rows.slice(0, limit), next: rows.length > limit ? encodeCursor(offset + limit) : null });
    };
    return reply.type('application/json; charset=utf-8').send(store.rendered ? await store.rendered(`api:${req.url}`, make) : await make());
  });

  app.get('/api/v1/articles/:id', async (req, reply) => {
    const a = await store.getArticle((req.params as { id: string }).id);
    return a ?? notFound(reply, 'article');
  });

  app.get('/api/v1/articles/:id/related', async (req, reply) => {
    const { id } = req.params as { id: string };
    if (!(await store.getArticle(id))) return notFound(reply, 'article');
    const limit = int(req.query as Query, 'limit', 5, 1, 20);
    return { results: await store.relatedArticles(id, limit) };
  });

  app.get('/api/v1/stories', async (req) => {
    const q = req.query as Query;
    const limit = int(q, 'limit', 20, 1, 100);
    const offset = decodeCursor(str(q, 'cursor', 200));
    const rows = await store.listStories({ outlet: str(q, 'outlet'), from: date(q, 'since') ?? date(q, 'from'), to: endOfDay(date(q, 'to')), limit: limit + 1, offset });
    return { results: rows.slice(0, limit), next: rows.length > limit ? encodeCursor(offset + limit) : null };
  });

  app.get('/api/v1/stories/:id', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const s = await store.getStory(id);
    if (!s) {
      const moved = await storyMovedTo(store, id);
      return moved ? reply.redirect(`/api/v1/stories/${encodeURIComponent(moved)}`, 302) : notFound(reply, 'story');
    }
    return { ...s, articles: await store.getArticles(s.articleIds) };
  });

  app.get('/api/v1/entities/:id', async (req, reply) => {
    const e = await findEntity(store, (req.params as { id: string }).id);
    if (!e) return notFound(reply, 'entity');
    const limit = int(req.query as Query, 'limit', 20, 1, 100);
    const collapse = collapseParam(req.query as Query, 'none');
    const [daily, articles] = await Promise.all([store.entityDaily(e.id), store.listArticles({ entityId: e.id, limit, collapse })]);
    return { ...e, daily, articles };
  });

  app.get('/api/v1/timeline', async (req, reply) => {
    const q = req.query as Query;
    const entities = entitiesParam(q, 8);
    const csv = wantsCsv(q);
    const t = await timelineCall(reply, () =>
      store.timeline({ entities, by: (str(q, 'by', 10) ?? 'day') as TimelineBy, unit: (str(q, 'unit', 10) ?? 'story') as TimelineUnit, since: str(q, 'since', 10), until: str(q, 'until', 10) }),
    );
    if (!('buckets' in t)) return t;
    return csv ? sendCsv(reply, 'timeline', timelineCsv(t)) : t;
  });

  app.get('/api/v1/comentions', async (req, reply) => {
    const q = req.query as Query;
    const [entity] = entitiesParam(q, 1);
    const limit = int(q, 'limit', 20, 1, 1000);
    const csv = wantsCsv(q);
    const c = await timelineCall(reply, () => store.comentions(entity!, limit));
    if (!('results' in c)) return c;
    return csv ? sendCsv(reply, 'comentions', comentionsCsv(c)) : c;
  });

  app.get('/api/v1/comentions/stories', async (req, reply) => {
    const q = req.query as Query;
    const entities = entitiesParam(q, 8);
    if (entities.length < 2) throw new BadRequest('entity', 'give two or more (repeat the parameter)');
    const limit = int(q, 'limit', 20, 1, 1000);
    const csv = wantsCsv(q);
    const s = await timelineCall(reply, () => store.storiesTogether(entities, limit));
    if (!('stories' in s)) return s;
    return csv ? sendCsv(reply, 'stories-together', storiesTogetherCsv(s)) : s;
  });

  app.get('/api/v1/outlets', async () => ({ results: await store.listOutlets() }));

  // The source list is admin-only: its poll errors tell which internal ports answer.
  app.get('/api/v1/sources', async (req, reply) => {
    if (!requireAdmin(req, reply)) return reply;
    return { results: await store.listSources() };
  });

  app.get('/api/v1/metrics', async (req, reply) => {
    if (!requireAdmin(req, reply)) return reply;
    if (!deps.metrics) return reply.code(501).send({ error: 'unsupported', message: 'metrics are off' });
    return reply.header('cache-control', 'no-store').send(deps.metrics({ resetTotal: bool(req.query as Query, 'reset') }));
  });

  app.post('/api/v1/sources', write, async (req, reply) => {
    if (!requireAdmin(req, reply)) return reply;
    if (mediaType(req) !== 'application/json') return unsupported(reply, 'application/json');
    const body = (req.body ?? {}) as { url?: unknown; title?: unknown };
    if (typeof body.url !== 'string') throw new BadRequest('url', 'must be an http(s) URL');
    const v = deps.guard.checkUrl(body.url);
    if (!v.ok) throw new BadRequest('url', v.code === 'fetch.bad_url' ? 'must be an http(s) URL' : v.message);
    if (!store.addSource) return reply.code(501).send({ error: 'unsupported', message: 'this store cannot manage sources' });
    return reply.code(201).send(await store.addSource({ url: body.url, title: typeof body.title === 'string' ? body.title : null }));
  });

  app.delete('/api/v1/sources/:id', write, async (req, reply) => {
    if (!requireAdmin(req, reply)) return reply;
    if (!store.removeSource) return reply.code(501).send({ error: 'unsupported', message: 'this store cannot manage sources' });
    const ok = await store.removeSource((req.params as { id: string }).id);
    return ok ? reply.code(204).send() : notFound(reply, 'source');
  });

  app.post('/api/v1/sources/import', write, async (req, reply) => {
    if (!requireAdmin(req, reply)) return reply;
    if (!OPML_TYPES.has(mediaType(req))) return unsupported(reply, [...OPML_TYPES].join(', '));
    const body = typeof req.body === 'string' ? req.body : '';
    if (!body) throw new BadRequest('body', 'send an OPML document (Content-Type: text/x-opml or application/xml)');
    const r = await parseDocument({ name: 'request body', bytes: Buffer.from(body) }, { format: 'opml' });
    if (r.sources.length === 0) throw new BadRequest('body', r.errors[0]?.message ?? 'no sources in the OPML document');
    if (!store.importSources) return reply.code(501).send({ error: 'unsupported', message: 'this store cannot manage sources' });
    const { ok, refused } = screenUrls(r.sources, deps.guard);
    const counts = ok.length ? await store.importSources(ok.map((s) => ({ url: s.url, title: s.title }))) : { added: 0, existing: 0 };
    return refused.length ? { ...counts, refused } : counts;
  });
}
