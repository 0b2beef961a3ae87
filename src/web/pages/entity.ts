/** Entity and keyword pages: the articles that mention them, newest first, and a daily chart. */
import type { FastifyInstance } from 'fastify';
import { html, type SafeHtml } from '../html.ts';
import { layout } from '../layout.ts';
import { arabicDay } from '../format.ts';
import { PAGE_SIZE, articleItem, pager, path } from '../components.ts';
import { int, type Query } from '../params.ts';
import type { ReaderStore } from '../types.ts';
import { notFound } from './errors.ts';
import { findEntity } from '../../pipeline/entity.ts';

const TYPE_AR: Record<string, string> = { country: 'دولة', city: 'مدينة', org: 'منظمة', agency: 'وكالة أنباء', region: 'منطقة', person: 'شخص' };

/** A bar chart of mentions per day, as inline SVG (no script). */
export function dailyChart(days: Array<{ day: string; count: number }>): SafeHtml {
  if (days.length === 0) return html``;
  const w = 16;
  const h = 100;
  const max = Math.max(...days.map((d) => d.count));
  const bars = days.map((d, i) => {
    const bh = Math.max(1, Math.round((d.count / max) * (h - 20)));
    return html`<g><rect x="${i * w + 2}" y="${h - 14 - bh}" width="${w - 4}" height="${bh}"><title>${d.day}: ${d.count}</title></rect>${i % Math.ceil(days.length / 8) === 0 ? html`<text x="${i * w + 2}" y="${h - 2}">${arabicDay(d.day)}</text>` : ''}</g>`;
  });
  return html`<figure><svg class="chart" viewBox="0 0 ${days.length * w} ${h}" role="img" aria-label="الإشارات اليومية" direction="ltr">${bars}</svg><figcaption class="meta">الإشارات في اليوم</figcaption></figure>`;
}

export function registerEntityPages(app: FastifyInstance, store: ReaderStore): void {
  app.get('/entity/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const page = int(req.query as Query, 'page', 1, 1, 1000);
    const entity = await findEntity(store, id);
    if (!entity) return notFound(reply, 'الكيان غير معروف');
    const [articles, daily] = await Promise.all([
      store.listArticles({ entityId: entity.id, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
      store.entityDaily(entity.id),
    ]);
    const body = html`<h1 dir="auto">${entity.name}</h1><p class="meta">${TYPE_AR[entity.type] ?? entity.type} · ${entity.articleCount} مقالاً</p>
${dailyChart(daily)}
<h2>المقالات</h2>${articles.slice(0, PAGE_SIZE).map((a) => articleItem(a))}${pager(path.entity(entity.id), {}, page, articles.length > PAGE_SIZE)}`;
    return reply.type('text/html; charset=utf-8').send(layout({ title: entity.name, body, feed: `${path.entity(entity.id)}/feed.atom` }));
  });

  app.get('/keyword/:kw', async (req, reply) => {
    const { kw } = req.params as { kw: string };
    const page = int(req.query as Query, 'page', 1, 1, 1000);
    const articles = await store.listArticles({ keyword: kw, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
    if (articles.length === 0 && page === 1) return notFound(reply, 'لا مقالات بهذه الكلمة');
    const body = html`<h1 dir="auto">${kw}</h1>${articles.slice(0, PAGE_SIZE).map((a) => articleItem(a))}${pager(path.keyword(kw), {}, page, articles.length > PAGE_SIZE)}`;
    return reply.type('text/html; charset=utf-8').send(layout({ title: kw, body, feed: `${path.keyword(kw)}/feed.atom` }));
  });
}
