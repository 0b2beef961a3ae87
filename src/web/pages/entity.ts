/**
 * Entity and keyword pages: the articles that mention them, newest first; the entity's
 * timeline (stories by default, pages/timeline.ts) and the entities mentioned with it.
 * The heading counts articles and stories; the chart's caption says which it counts.
 */
import type { FastifyInstance } from 'fastify';
import { html, qs } from '../html.ts';
import { layout } from '../layout.ts';
import { PAGE_SIZE, articleItem, coverageLink, pager, path } from '../components.ts';
import { collapseParam, int, str, type Query } from '../params.ts';
import { comentionList, countOf, csvReply, pageTimeline, timelineSection, viewLinks, viewOptions } from './timeline.ts';
import { timelineCsv } from '../../export/csv.ts';
import type { ReaderStore } from '../types.ts';
import { notFound } from './errors.ts';
import { findEntity } from '../../pipeline/entity.ts';
import { slot } from '../accounts/slots.ts';

const TYPE_AR: Record<string, string> = { country: 'دولة', city: 'مدينة', org: 'منظمة', agency: 'وكالة أنباء', region: 'منطقة', person: 'شخص' };

export function registerEntityPages(app: FastifyInstance, store: ReaderStore): void {
  app.get('/entity/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const q = req.query as Query;
    const page = int(q, 'page', 1, 1, 1000);
    const entity = await findEntity(store, id);
    if (!entity) return notFound(reply, 'الكيان غير معروف');
    const v = viewOptions(q);
    // The article list: one row per story by default (collapse=none: every copy).
    const collapse = collapseParam(q, 'story');
    const t = await pageTimeline(store, [entity.id], v);
    if (str(q, 'format', 10) === 'csv') return csvReply(reply, 'timeline', timelineCsv(t));
    const [articles, comentions, stories] = await Promise.all([
      store.listArticles({ entityId: entity.id, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE, collapse }),
      store.comentions(entity.id, 10),
      // The heading's story count: all of them, whatever the chart's unit or dates.
      t.unit === 'story' && !v.since && !v.until ? Promise.resolve(t) : store.timeline({ entities: [entity.id], by: 'month', unit: 'story' }),
    ]);
    const storyCount = (stories.totals.counts[entity.id] ?? 0) + (stories.totals.undated[entity.id] ?? 0);
    const chart = await timelineSection(t, `${entity.name}: ${t.unit === 'story' ? 'قصص' : 'مقالات'}`);
    const link = (p: Record<string, string | null>) => `${path.entity(entity.id)}${qs(p)}`;
    // Other spellings seen (شويجو beside سيرجي شويغو): a reader searching one finds the others.
    const aliases = entity.aliases?.length ? html`<p class="meta aliases">يُكتب أيضًا: <span dir="auto">${entity.aliases.join('، ')}</span></p>` : '';
    const body = html`<h1 dir="auto">${entity.name}</h1>${slot.list('entity', entity.id)}<p class="meta">${TYPE_AR[entity.type] ?? entity.type} · ${countOf(entity.articleCount, 'article')} في ${countOf(storyCount, 'story')}</p>
${aliases}${chart}
${viewLinks(link, t, v.since, v.until)}
<h2>يُذكر معه</h2>${comentionList(comentions)}
<p class="meta"><a href="/api/v1/comentions?entity=${encodeURIComponent(entity.id)}&amp;format=csv">CSV</a></p>
<h2>المقالات</h2>${articles.slice(0, PAGE_SIZE).map((a) => articleItem(a, coverageLink(a.coverage)))}${pager(path.entity(entity.id), { collapse: collapse === 'none' ? 'none' : null }, page, articles.length > PAGE_SIZE)}`;
    return reply.type('text/html; charset=utf-8').send(layout({ title: entity.name, body, feed: `${path.entity(entity.id)}/feed.atom` }));
  });

  app.get('/keyword/:kw', async (req, reply) => {
    const { kw } = req.params as { kw: string };
    const page = int(req.query as Query, 'page', 1, 1, 1000);
    const collapse = collapseParam(req.query as Query, 'story');
    const articles = await store.listArticles({ keyword: kw, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE, collapse });
    if (articles.length === 0 && page === 1) return notFound(reply, 'لا مقالات بهذه الكلمة');
    const body = html`<h1 dir="auto">${kw}</h1>${slot.list('keyword', kw)}${articles.slice(0, PAGE_SIZE).map((a) => articleItem(a, coverageLink(a.coverage)))}${pager(path.keyword(kw), { collapse: collapse === 'none' ? 'none' : null }, page, articles.length > PAGE_SIZE)}`;
    return reply.type('text/html; charset=utf-8').send(layout({ title: kw, body, feed: `${path.keyword(kw)}/feed.atom` }));
  });
}
