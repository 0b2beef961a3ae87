/** Reader pages: home (latest stories), story, article, outlets, outlet. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../html.ts';
import { layout } from '../layout.ts';
import { gmt } from '../format.ts';
import { PAGE_SIZE, articleItem, coverageLink, filterForm, langAttrs, linkable, outletLink, pager, paragraphs, path, storyItem, timeTag } from '../components.ts';
import { collapseParam, date, endOfDay, int, str, type Query } from '../params.ts';
import type { ReaderStore, StorySummary } from '../types.ts';
import type { CardReader } from '../cache.ts';
import { notFound } from './errors.ts';
import { storyMovedTo } from '../moved.ts';
import { slot } from '../accounts/slots.ts';
import { uiOf } from '../i18n/negotiate.ts';
import type { MessageKey } from '../i18n/index.ts';

/** How many of the latest stories compete for «الأكثر تغطية», and how many are shown. */
const TOP_WINDOW = 300;
const TOP_SHOWN = 5;

/** The stories most outlets covered among the latest ones (ties: the newer first). */
export function topCovered(latest: StorySummary[]): StorySummary[] {
  return latest
    .filter((s) => s.outlets.length >= 2)
    .sort((a, b) => b.outlets.length - a.outlets.length || (b.firstSeen ?? '').localeCompare(a.firstSeen ?? ''))
    .slice(0, TOP_SHOWN);
}

export function registerReaderPages(app: FastifyInstance, store: ReaderStore & CardReader): void {
  // Each page depends on its URL, its UI language and the store alone: the read cache
  // remembers its HTML (null: not found) under the language and URL, so a page asked again
  // costs a lookup, not reads and a render, and is never served in the other language.
  /** A rendered page by language and URL; when `make` finds nothing, `elsewhere` may send the reader on, else a 404. */
  const cached = async (req: FastifyRequest, reply: FastifyReply, missing: MessageKey | null, make: () => Promise<string | null>, elsewhere?: () => Promise<string | null>) => {
    const body = await store.rendered(`page:${uiOf(req).lang}:${req.url}`, make);
    if (body !== null) return reply.type('text/html; charset=utf-8').send(body);
    const to = await elsewhere?.();
    return to ? reply.redirect(to, 302) : notFound(req, reply, missing);
  };

  app.get('/', async (req, reply) => {
    const q = req.query as Query;
    const outlet = str(q, 'outlet');
    const from = date(q, 'from');
    const to = date(q, 'to');
    const page = int(q, 'page', 1, 1, 1000);
    const u = uiOf(req);
    return cached(req, reply, null, async () => {
      const [stories, outlets, recent] = await Promise.all([
        store.listStories({ outlet, from, to: endOfDay(to), limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
        store.listOutlets(),
        page === 1 ? store.listStories({ outlet, from, to: endOfDay(to), limit: TOP_WINDOW }) : Promise.resolve([]),
      ]);
      const top = topCovered(recent);
      const link = (s: StorySummary) => (s.articleIds.length === 1 ? path.article(s.articleIds[0]!) : path.story(s.id));
      // With «most covered» above: h1 for it, h2 for «latest»; each list's items one level below.
      const level = top.length ? 3 : 2;
      const body = html`${top.length ? html`<h1>${u.t('home.top')}</h1>${top.map((s) => storyItem(u, s, link(s)))}` : ''}
<h${level - 1}>${u.t('home.latest')}</h${level - 1}>
${filterForm(u, '/', { outlet, from, to }, outlets.map((o) => o.outlet))}
${stories.length === 0 ? html`<p class="notice">${u.t('home.empty')}</p>` : ''}
${stories.slice(0, PAGE_SIZE).map((s) => storyItem(u, s, link(s), level))}
${pager(u, '/', { outlet, from, to }, page, stories.length > PAGE_SIZE)}`;
      return layout({ ui: u, url: req.url, title: u.t('home.latest'), body, feed: '/feed.atom' });
    });
  });

  app.get('/story/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const u = uiOf(req);
    // A renamed story's old name sends the reader on (looked up only when the name is not a story).
    const moved = async () => {
      const to = await storyMovedTo(store, id);
      return to ? path.story(to) : null;
    };
    return cached(req, reply, 'story.missing', async () => {
      const story = await store.getStory(id);
      if (!story) return null;
      const articles = (await store.articleCards(story.articleIds)).sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
      const earliest = articles[0]?.id;
      const body = html`<h1 dir="auto">${story.title}</h1>
<p class="meta">${u.h('story.meta', { outlets: u.t('story.outlets', { n: story.outlets.length }), time: timeTag(u, story.firstSeen), outlet: story.originalOutlet ? html`<bdi>${story.originalOutlet}</bdi>` : '—' })}</p>
${articles.map((a) => articleItem(u, a, 2, a.id === earliest ? html` <span class="badge">${u.t('story.earliest')}</span>` : undefined))}`;
      return layout({ ui: u, url: req.url, title: story.title, body });
    }, moved);
  });

  app.get('/article/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const u = uiOf(req);
    return cached(req, reply, 'article.missing', async () => {
      const a = await store.getArticle(id);
      if (!a) return null;
      // List items need only cards (title, outlet, date), not whole articles.
      const [related, story] = await Promise.all([store.relatedCards(a.id, 5), a.storyId ? store.getStory(a.storyId) : null]);
      const others = story ? await store.articleCards(story.articleIds.filter((x) => x !== a.id)) : [];
      const entities = a.entities ?? [];
      const keywords = (a.keywords?.length ? a.keywords : a.tags).filter((k) => !entities.some((e) => e.name === k));
      // The article keeps its own language and direction (an Arabic article in the English
      // UI stays right to left); the page's words around it are in the UI language.
      const body = html`<article${langAttrs(a.lang)}>
<h1 dir="auto">${a.title}</h1>
<p class="meta" lang="${u.lang}" dir="${u.dir}">${a.publishedAt ? html`${u.t('article.published')} <time datetime="${a.publishedAt}">${u.date(a.publishedAt)}</time> · <span dir="ltr">${gmt(a.publishedAt)}</span>` : u.t('article.undated')}
${a.outlet ? html` · ${u.h('article.outlet', { outlet: outletLink(a.outlet) })}` : ''}${a.via && a.via !== a.outlet ? html` · ${u.h('article.via', { via: html`<bdi>${a.via}</bdi>` })}` : ''}${a.author ? html` · <bdi>${a.author}</bdi>` : ''}${slot.star(a.id)}${slot.readToggle(a.id)}</p>
<div class="body">${paragraphs(a.text)}</div>
${linkable(a.url) ? html`<p class="meta" lang="${u.lang}" dir="${u.dir}"><a href="${a.url}" rel="noopener nofollow">${u.t('article.original')}</a></p>` : ''}
</article>
${entities.length || keywords.length ? html`<h2>${u.t('article.keywords')}</h2><div class="tags">${entities.map((e) => html`<a href="${path.entity(e.id)}" data-type="${e.type}" dir="auto">${e.name}</a>`)}${keywords.map((k) => html`<a href="${path.keyword(k)}" dir="auto">${k}</a>`)}</div>` : ''}
${related.length ? html`<h2>${u.t('article.related')}</h2>${related.map((r) => articleItem(u, r, 3))}` : ''}
${others.length ? html`<h2>${u.t('article.others')}</h2>${others.map((o) => articleItem(u, o, 3))}` : ''}`;
      return layout({ ui: u, url: req.url, title: a.title, body, description: a.text.slice(0, 160) });
    });
  });

  app.get('/outlets', async (req, reply) => {
    const u = uiOf(req);
    return cached(req, reply, null, async () => {
      const outlets = await store.listOutlets();
      const body = html`<h1>${u.t('outlets.title')}</h1><table><thead><tr><th>${u.t('outlets.outlet')}</th><th>${u.t('outlets.articles')}</th></tr></thead><tbody>
${outlets.map((o) => html`<tr><td>${outletLink(o.outlet)}</td><td>${u.num(o.count)}</td></tr>`)}</tbody></table>`;
      return layout({ ui: u, url: req.url, title: u.t('outlets.title'), body });
    });
  });

  app.get('/outlet/:name', async (req, reply) => {
    const { name } = req.params as { name: string };
    const q = req.query as Query;
    const page = int(q, 'page', 1, 1, 1000);
    const u = uiOf(req);
    // One row per story by default (collapse=none: every copy).
    const collapse = collapseParam(q, 'story');
    return cached(req, reply, 'outlet.empty', async () => {
      const articles = await store.listArticles({ outlet: name, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE, collapse });
      if (articles.length === 0 && page === 1) return null;
      const feed = `${path.outlet(name)}/feed.atom`;
      const body = html`<h1 dir="auto">${name}</h1>${slot.list('outlet', name)}${articles.slice(0, PAGE_SIZE).map((a) => articleItem(u, a, 2, coverageLink(u, a.coverage)))}${pager(u, path.outlet(name), { collapse: collapse === 'none' ? 'none' : null }, page, articles.length > PAGE_SIZE)}`;
      return layout({ ui: u, url: req.url, title: name, body, feed });
    });
  });
}
