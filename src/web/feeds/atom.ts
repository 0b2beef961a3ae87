/**
 * Atom feeds out, through feedsmith's generator: the home page (latest stories) and every
 * search, entity, keyword and outlet page. Entry ids are stable tag URIs; links are built
 * on the site's configured origin, never on the Host header. Every text that goes in
 * (titles, summaries, outlet names, keywords, the echoed query) is first cleared of the
 * characters XML 1.0 forbids (C0 controls but tab and newlines, U+FFFE/U+FFFF, lone
 * surrogates): one publisher's bad byte must not make the site-wide feed unreadable.
 * The feed's own title is in the request's UI language (`xml:lang` on <feed>); each entry
 * says its article's language (`xml:lang` on <entry>), so an Arabic entry in an English
 * feed is still laid out right to left.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { generateAtomFeed } from 'feedsmith';
import type { Article, ReaderStore } from '../types.ts';
import type { CardReader } from '../cache.ts';
import { path } from '../components.ts';
import { str, type Query } from '../params.ts';
import { findEntity } from '../../pipeline/entity.ts';
import { uiOf } from '../i18n/negotiate.ts';
import { ui, type Lang } from '../i18n/index.ts';

const MAX = 50;

/** Code points XML 1.0 does not allow in a document (with the `u` flag a lone surrogate is one). */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `s` without the characters XML 1.0 forbids. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '');
}

/** Builds an Atom document for a list of articles; `lang`: the language of the feed's own title. */
export function atomFor(base: string, selfPath: string, title: string, articles: Article[], lang: Lang = 'ar'): string {
  const updated = articles.reduce((m, a) => (a.publishedAt && a.publishedAt > m ? a.publishedAt : m), '1970-01-01T00:00:00.000Z');
  const xml = generateAtomFeed({
    id: xmlText(`${base}${selfPath}`),
    title: { value: xmlText(title) },
    updated: new Date(updated),
    links: [
      { href: xmlText(`${base}${selfPath}`), rel: 'self', type: 'application/atom+xml' },
      { href: `${base}/`, rel: 'alternate', type: 'text/html' },
    ],
    entries: articles.map((a) => ({
      id: `tag:marsad,2015:article:${a.id}`,
      title: { value: xmlText(a.title) || ui(lang).t('article.untitled') },
      updated: new Date(a.publishedAt ?? updated),
      ...(a.publishedAt ? { published: new Date(a.publishedAt) } : {}),
      summary: { value: xmlText(a.text.slice(0, 400)) },
      links: [{ href: `${base}${path.article(a.id)}`, rel: 'alternate', type: 'text/html' }],
      ...(a.outlet && xmlText(a.outlet) ? { authors: [{ name: xmlText(a.outlet) }] } : {}),
      categories: (a.keywords ?? a.tags).map((k) => xmlText(k)).filter(Boolean).map((term) => ({ term })),
    })),
  });
  // Say each text's language, so readers lay Arabic entries out right to left. `<entry>`
  // cannot occur inside escaped text, so the n-th one is the n-th article's.
  let i = 0;
  return xml
    .replace('<feed xmlns="http://www.w3.org/2005/Atom"', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}"`)
    .replace(/<entry>/g, () => {
      const l = articles[i++]?.lang;
      return l && /^[a-z]{2,3}$/.test(l) ? `<entry xml:lang="${l}">` : '<entry>';
    });
}

/** `origin`: the site's own (config); `searchLimit`: per minute per client, as /search and /api/v1/search. */
export function registerAtomFeeds(app: FastifyInstance, store: ReaderStore & CardReader, opts: { origin: () => string; searchLimit: number }): void {
  const send = (req: FastifyRequest, title: string, articles: Article[]) => atomFor(opts.origin(), req.url, title, articles, uiOf(req).lang);
  const type = 'application/atom+xml; charset=utf-8';
  // Building a feed costs milliseconds (XML of MAX entries): the read cache remembers the
  // output of the feeds every reader polls, as it remembers the reads they are made of.
  const render = (req: FastifyRequest, make: () => Promise<string>): Promise<Buffer> => store.rendered(`atom:${uiOf(req).lang}:${opts.origin()}${req.url}`, make);

  app.get('/feed.atom', async (req, reply) => {
    const xml = await render(req, async () => {
      const stories = await store.listStories({ limit: MAX });
      const lead = await store.getArticles(stories.map((s) => s.articleIds[0]!).filter(Boolean));
      return send(req, uiOf(req).t('feed.latest'), lead);
    });
    return reply.type(type).send(xml);
  });
  app.get('/search.atom', { config: { rateLimit: { max: opts.searchLimit, timeWindow: '1 minute' } } }, async (req, reply) => {
    const q = str(req.query as Query, 'q', 1000) ?? '';
    const outlet = str(req.query as Query, 'outlet');
    const xml = await render(req, async () => {
      const r = q ? await store.search({ q, outlet, limit: MAX, snippets: false }) : { hits: [] };
      const articles = await store.getArticles(r.hits.map((h) => h.id));
      return send(req, uiOf(req).t('feed.search', { q }), articles);
    });
    return reply.type(type).send(xml);
  });
  app.get('/entity/:id/feed.atom', async (req, reply) => {
    const e = await findEntity(store, (req.params as { id: string }).id);
    if (!e) return reply.code(404).send({ error: 'unknown entity' });
    return reply.type(type).send(send(req, uiOf(req).t('feed.named', { name: e.name }), await store.listArticles({ entityId: e.id, limit: MAX })));
  });
  app.get('/keyword/:kw/feed.atom', async (req, reply) => {
    const kw = (req.params as { kw: string }).kw;
    return reply.type(type).send(send(req, uiOf(req).t('feed.named', { name: kw }), await store.listArticles({ keyword: kw, limit: MAX })));
  });
  app.get('/outlet/:name/feed.atom', async (req, reply) => {
    const name = (req.params as { name: string }).name;
    return reply.type(type).send(send(req, uiOf(req).t('feed.named', { name }), await store.listArticles({ outlet: name, limit: MAX })));
  });
}
