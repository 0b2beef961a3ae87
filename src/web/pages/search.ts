/** The search page: Arabic-aware search with highlighted snippets, filters and pagination. */
import type { FastifyInstance } from 'fastify';
import { html, qs, raw, type SafeHtml } from '../html.ts';
import { layout } from '../layout.ts';
import { PAGE_SIZE, alsoList, coverageLink, filterForm, outletLink, pager, path, timeTag } from '../components.ts';
import { BadRequest, bool, collapseParam, date, endOfDay, int, str, type Query } from '../params.ts';
import type { ReaderStore } from '../types.ts';
import type { CardReader } from '../cache.ts';
import { snippetHtml } from '../snippet.ts';
import { CSV_TYPE, searchCsv } from '../../export/csv.ts';
import { slot } from '../accounts/slots.ts';
import { uiOf } from '../i18n/negotiate.ts';
import { searchNotice } from '../i18n/notices.ts';

/** `searchLimit`: requests per minute per client, the same as /api/v1/search and /search.atom. */
export function registerSearchPage(app: FastifyInstance, store: ReaderStore & CardReader, opts: { searchLimit: number }): void {
  app.get('/search', { config: { rateLimit: { max: opts.searchLimit, timeWindow: '1 minute' } } }, async (req, reply) => {
    const query = req.query as Query;
    const q = str(query, 'q', 1000) ?? '';
    const outlet = str(query, 'outlet');
    const from = date(query, 'from');
    const to = date(query, 'to');
    const page = int(query, 'page', 1, 1, 100);
    const recent = bool(query, 'recent');
    // One result per story by default (collapse=none: every copy); the CSV lists articles.
    const collapse = collapseParam(query, 'story');
    if (str(query, 'format', 10) === 'csv') {
      // The first `limit` results (default and most 100) as CSV, for a spreadsheet.
      if (!q) throw new BadRequest('q', 'is required for CSV');
      const r = await store.search({ q, outlet, from, to: endOfDay(to), recency: recent, limit: int(query, 'limit', 100, 1, 100), offset: 0 });
      return reply.type(CSV_TYPE).header('content-disposition', 'attachment; filename="search.csv"').send(searchCsv(r.hits, q));
    }
    // The page depends on its URL, its UI language and the store alone: the read cache remembers its HTML.
    const u = uiOf(req);
    const page_ = await store.rendered(`page:${u.lang}:${req.url}`, async () => {
      const outlets = (await store.listOutlets()).map((o) => o.outlet);
      let results: SafeHtml = html``;
      if (q) {
        const r = await store.search({ q, outlet, from, to: endOfDay(to), recency: recent, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE, collapse });
        const hits = r.hits.slice(0, PAGE_SIZE);
        const keep = { q, outlet, from, to, recent: recent ? '1' : null, collapse: collapse === 'none' ? 'none' : null };
        results = html`${r.notice ? html`<p class="notice" role="status">${searchNotice(u, r.notice)}</p>` : ''}
<p class="meta">${u.t(collapse === 'story' ? (r.approximate ? 'search.storiesAbout' : 'search.stories') : r.approximate ? 'search.resultsAbout' : 'search.results', { n: r.total })} · <a href="/search${qs({ q, outlet, from, to, recent: recent ? '1' : null, format: 'csv' })}">${u.t('common.csv')}</a></p>${slot.list('search')}
${hits.map((h) => html`<section class="hit" data-item><h2><a href="${path.article(h.id)}" dir="auto">${h.title}</a></h2>
<div class="meta">${h.outlet ? html`${outletLink(h.outlet)} · ` : ''}${timeTag(u, h.publishedAt)}${coverageLink(u, h.coverage)}${slot.article(h.id)}</div>
<p class="snippet" dir="auto">${snippetHtml(h.snippet, h.highlights)}</p>${alsoList(u, h.coverage)}</section>`)}
${pager(u, '/search', keep, page, r.hits.length > PAGE_SIZE)}`;
      }
      const feed = q ? `/search.atom${qs({ q, outlet })}` : null;
      const body = html`<h1>${u.t('search.title')}</h1>${filterForm(u, '/search', { q, outlet, from, to, recent }, outlets)}${results}${raw('')}`;
      return layout({ ui: u, url: req.url, title: q ? u.t('search.titleQuery', { q }) : u.t('search.title'), body, q, feed });
    });
    return reply.type('text/html; charset=utf-8').send(page_);
  });
}
