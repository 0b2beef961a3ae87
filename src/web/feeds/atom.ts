/**
 * Atom feeds out, through feedsmith's generator: the home page (latest stories) and every
 * search, entity, keyword and outlet page. Entry ids are stable tag URIs.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { generateAtomFeed } from 'feedsmith';
import type { Article, ReaderStore } from '../types.ts';
import { path } from '../components.ts';
import { str, type Query } from '../params.ts';

const MAX = 50;

function origin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/** Builds an Atom document for a list of articles. */
export function atomFor(base: string, selfPath: string, title: string, articles: Article[]): string {
  const updated = articles.reduce((m, a) => (a.publishedAt && a.publishedAt > m ? a.publishedAt : m), '1970-01-01T00:00:00.000Z');
  const xml = generateAtomFeed({
    id: `${base}${selfPath}`,
    title: { value: title },
    updated: new Date(updated),
    links: [
      { href: `${base}${selfPath}`, rel: 'self', type: 'application/atom+xml' },
      { href: `${base}/`, rel: 'alternate', type: 'text/html' },
    ],
    entries: articles.map((a) => ({
      id: `tag:marsad,2015:article:${a.id}`,
      title: { value: a.title || '(بلا عنوان)' },
      updated: new Date(a.publishedAt ?? updated),
      ...(a.publishedAt ? { published: new Date(a.publishedAt) } : {}),
      summary: { value: a.text.slice(0, 400) },
      links: [{ href: `${base}${path.article(a.id)}`, rel: 'alternate', type: 'text/html' }],
      ...(a.outlet ? { authors: [{ name: a.outlet }] } : {}),
      categories: (a.keywords ?? a.tags).map((k) => ({ term: k })),
    })),
  });
  // The feed is Arabic: say so, so readers lay entries out right to left.
  return xml.replace('<feed xmlns="http://www.w3.org/2005/Atom"', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar"');
}

export function registerAtomFeeds(app: FastifyInstance, store: ReaderStore): void {
  const send = (req: FastifyRequest, title: string, articles: Article[]) => atomFor(origin(req), req.url, title, articles);
  const type = 'application/atom+xml; charset=utf-8';

  app.get('/feed.atom', async (req, reply) => {
    const stories = await store.listStories({ limit: MAX });
    const lead = await store.getArticles(stories.map((s) => s.articleIds[0]!).filter(Boolean));
    return reply.type(type).send(send(req, 'مرصد — أحدث القصص', lead));
  });
  app.get('/search.atom', async (req, reply) => {
    const q = str(req.query as Query, 'q', 1000) ?? '';
    const outlet = str(req.query as Query, 'outlet');
    const r = q ? await store.search({ q, outlet, limit: MAX }) : { hits: [] };
    const articles = await store.getArticles(r.hits.map((h) => h.id));
    return reply.type(type).send(send(req, `مرصد — بحث: ${q}`, articles));
  });
  app.get('/entity/:id/feed.atom', async (req, reply) => {
    const e = await store.getEntity((req.params as { id: string }).id);
    if (!e) return reply.code(404).send({ error: 'unknown entity' });
    return reply.type(type).send(send(req, `مرصد — ${e.name}`, await store.listArticles({ entityId: e.id, limit: MAX })));
  });
  app.get('/keyword/:kw/feed.atom', async (req, reply) => {
    const kw = (req.params as { kw: string }).kw;
    return reply.type(type).send(send(req, `مرصد — ${kw}`, await store.listArticles({ keyword: kw, limit: MAX })));
  });
  app.get('/outlet/:name/feed.atom', async (req, reply) => {
    const name = (req.params as { name: string }).name;
    return reply.type(type).send(send(req, `مرصد — ${name}`, await store.listArticles({ outlet: name, limit: MAX })));
  });
}
