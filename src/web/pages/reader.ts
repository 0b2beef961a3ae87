/** Reader pages: home (latest stories), story, article, outlets, outlet. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../html.ts';
import { layout } from '../layout.ts';
import { arabicDate, gmt } from '../format.ts';
import { PAGE_SIZE, articleItem, coverageLink, filterForm, linkable, outletLink, pager, paragraphs, path, storyItem, timeTag } from '../components.ts';
import { collapseParam, date, endOfDay, int, str, type Query } from '../params.ts';
import type { ReaderStore, StorySummary } from '../types.ts';
import type { CardReader } from '../cache.ts';
import { notFound } from './errors.ts';
import { storyMovedTo } from '../moved.ts';
import { slot } from '../accounts/slots.ts';

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
  // Each page depends on its URL and the store alone: the read cache remembers its HTML
  // (null: not found), so a page asked again costs a lookup, not reads and a render.
  const cached = (req: FastifyRequest, reply: FastifyReply, missing: string, make: () => Promise<string | null>) =>
    store.rendered(`page:${req.url}`, make).then((body) => (body === null ? notFound(reply, missing) : reply.type('text/html; charset=utf-8').send(body)));

  app.get('/', async (req, reply) => {
    const q = req.query as Query;
    const outlet = str(q, 'outlet');
    const from = date(q, 'from');
    const to = date(q, 'to');
    const page = int(q, 'page', 1, 1, 1000);
    return cached(req, reply, '', async () => {
      const [stories, outlets, recent] = await Promise.all([
        store.listStories({ outlet, from, to: endOfDay(to), limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
        store.listOutlets(),
        page === 1 ? store.listStories({ outlet, from, to: endOfDay(to), limit: TOP_WINDOW }) : Promise.resolve([]),
      ]);
      const top = topCovered(recent);
      const link = (s: StorySummary) => (s.articleIds.length === 1 ? path.article(s.articleIds[0]!) : path.story(s.id));
      const body = html`${top.length ? html`<h1>الأكثر تغطية</h1>${top.map((s) => storyItem(s, link(s)))}` : ''}
<h${top.length ? '2' : '1'}>أحدث القصص</h${top.length ? '2' : '1'}>
${filterForm('/', { outlet, from, to }, outlets.map((o) => o.outlet))}
${stories.length === 0 ? html`<p class="notice">لا قصص بعد لهذه التصفية.</p>` : ''}
${stories.slice(0, PAGE_SIZE).map((s) => storyItem(s, link(s)))}
${pager('/', { outlet, from, to }, page, stories.length > PAGE_SIZE)}`;
      return layout({ title: 'أحدث القصص', body, feed: '/feed.atom' });
    });
  });

  app.get('/story/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const moved = await storyMovedTo(store, id);
    if (moved) return reply.redirect(`/story/${encodeURIComponent(moved)}`, 302);
    return cached(req, reply, 'القصة غير موجودة', async () => {
      const story = await store.getStory(id);
      if (!story) return null;
      const articles = (await store.articleCards(story.articleIds)).sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
      const earliest = articles[0]?.id;
      const body = html`<h1 dir="auto">${story.title}</h1>
<p class="meta">${story.outlets.length} مصادر · أول ظهور ${timeTag(story.firstSeen)} عند ${story.originalOutlet ? html`<bdi>${story.originalOutlet}</bdi>` : '—'}</p>
${articles.map((a) => articleItem(a, a.id === earliest ? html` <span class="badge">الأسبق</span>` : undefined))}`;
      return layout({ title: story.title, body });
    });
  });

  app.get('/article/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    return cached(req, reply, 'المقال غير موجود', async () => {
      const a = await store.getArticle(id);
      if (!a) return null;
      // List items need only cards (title, outlet, date), not whole articles.
      const [related, story] = await Promise.all([store.relatedCards(a.id, 5), a.storyId ? store.getStory(a.storyId) : null]);
      const others = story ? await store.articleCards(story.articleIds.filter((x) => x !== a.id)) : [];
      const entities = a.entities ?? [];
      const keywords = (a.keywords?.length ? a.keywords : a.tags).filter((k) => !entities.some((e) => e.name === k));
      const body = html`<article lang="${a.lang}" dir="auto">
<h1 dir="auto">${a.title}</h1>
<p class="meta">${a.publishedAt ? html`تاريخ النشر: <time datetime="${a.publishedAt}">${arabicDate(a.publishedAt)}</time> · <span dir="ltr">${gmt(a.publishedAt)}</span>` : 'تاريخ النشر غير معروف'}
${a.outlet ? html` · المصدر: ${outletLink(a.outlet)}` : ''}${a.via && a.via !== a.outlet ? html` · عبر <bdi>${a.via}</bdi>` : ''}${a.author ? html` · <bdi>${a.author}</bdi>` : ''}${slot.star(a.id)}</p>
<div class="body">${paragraphs(a.text)}</div>
${linkable(a.url) ? html`<p class="meta"><a href="${a.url}" rel="noopener nofollow">المقال في موقعه الأصلي</a></p>` : ''}
</article>
${entities.length || keywords.length ? html`<h2>كلمات دلالية</h2><div class="tags">${entities.map((e) => html`<a href="${path.entity(e.id)}" data-type="${e.type}" dir="auto">${e.name}</a>`)}${keywords.map((k) => html`<a href="${path.keyword(k)}" dir="auto">${k}</a>`)}</div>` : ''}
${related.length ? html`<h2>اقرأ أيضاً</h2>${related.map((r) => articleItem(r))}` : ''}
${others.length ? html`<h2>غطّتها أيضاً</h2>${others.map((o) => articleItem(o))}` : ''}`;
      return layout({ title: a.title, body, description: a.text.slice(0, 160) });
    });
  });

  app.get('/outlets', async (req, reply) =>
    cached(req, reply, '', async () => {
      const outlets = await store.listOutlets();
      const body = html`<h1>المصادر</h1><table><thead><tr><th>المصدر</th><th>المقالات</th></tr></thead><tbody>
${outlets.map((o) => html`<tr><td>${outletLink(o.outlet)}</td><td>${o.count}</td></tr>`)}</tbody></table>`;
      return layout({ title: 'المصادر', body });
    }),
  );

  app.get('/outlet/:name', async (req, reply) => {
    const { name } = req.params as { name: string };
    const q = req.query as Query;
    const page = int(q, 'page', 1, 1, 1000);
    // One row per story by default (collapse=none: every copy).
    const collapse = collapseParam(q, 'story');
    return cached(req, reply, 'لا مقالات لهذا المصدر', async () => {
      const articles = await store.listArticles({ outlet: name, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE, collapse });
      if (articles.length === 0 && page === 1) return null;
      const feed = `${path.outlet(name)}/feed.atom`;
      const keep = { collapse: collapse === 'none' ? 'none' : null };
      const body = html`<h1 dir="auto">${name}</h1>${slot.list('outlet', name)}${articles.slice(0, PAGE_SIZE).map((a) => articleItem(a, coverageLink(a.coverage)))}${pager(path.outlet(name), keep, page, articles.length > PAGE_SIZE)}`;
      return layout({ title: name, body, feed });
    });
  });
}
