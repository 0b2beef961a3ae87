/**
 * Reusable fragments: story and article list items, outlet chips, pager, tags, in the
 * request's UI language (`u`). Text from feeds is isolated for bidi (`dir="auto"` on
 * titles, or the article's own `lang`/`dir`; `<bdi>` around outlet and author names), so
 * a Latin or mixed-direction name cannot reorder the text around it, and an Arabic title
 * stays right to left in the English UI.
 *
 * Keyboard hooks (/static/keys.js, documented there): each list item carries `data-item`
 * (`o` follows the link in its heading); a control inside an item (or on the page) marked
 * `data-action="read"` or `data-action="star"` is what `m` and `s` press.
 */
import { html, qs, type SafeHtml } from './html.ts';
import { gmt } from './format.ts';
import { dirOf, type Ui } from './i18n/index.ts';
import type { Article, Coverage, StorySummary } from './types.ts';
import { slot } from './accounts/slots.ts';

export const PAGE_SIZE = 20;

export const path = {
  article: (id: string) => `/article/${encodeURIComponent(id)}`,
  story: (id: string) => `/story/${encodeURIComponent(id)}`,
  entity: (id: string) => `/entity/${encodeURIComponent(id)}`,
  keyword: (k: string) => `/keyword/${encodeURIComponent(k)}`,
  outlet: (o: string) => `/outlet/${encodeURIComponent(o)}`,
};

/** Heading level of a list item's title: 2 under the page's h1, 3 under an h2. */
export type Level = 2 | 3;

/** True for an http(s) URL: the only kind rendered as a link (a stored `javascript:` or `data:` URL is not). */
export function linkable(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url);
}

/** `lang` and `dir` attributes of text in a known language (`dir="auto"` when unknown). */
export function langAttrs(lang: string | null | undefined): SafeHtml {
  const dir = dirOf(lang);
  return dir ? html` lang="${lang!}" dir="${dir}"` : html` dir="auto"`;
}

/** An outlet (or author) name, isolated from the text around it. */
export function outletLink(outlet: string): SafeHtml {
  return html`<a href="${path.outlet(outlet)}"><bdi>${outlet}</bdi></a>`;
}

export function timeTag(u: Ui, iso: string | null): SafeHtml {
  return iso ? html`<time datetime="${iso}" title="${gmt(iso)}">${u.short(iso)}</time>` : html``;
}

export function storyItem(u: Ui, s: StorySummary, titleLink: string, level: Level = 2): SafeHtml {
  const others = s.outlets.filter((o) => o !== s.originalOutlet);
  return html`<section class="story" data-item>
<h${level}><a href="${titleLink}" dir="auto">${s.title}</a></h${level}>
<div class="meta">${s.outlets.length > 1 ? html`<span class="badge">${u.t('story.outlets', { n: s.outlets.length })}</span> ` : ''}${u.h('story.first', { outlet: s.originalOutlet ? outletLink(s.originalOutlet) : '—', time: timeTag(u, s.firstSeen) })}${slot.story(s.id)}</div>
${others.length ? html`<ul class="outlets" aria-label="${u.t('story.otherOutlets')}">${others.map((o) => html`<li>${outletLink(o)}</li>`)}</ul>` : ''}
</section>`;
}

export function articleItem(u: Ui, a: Pick<Article, 'id' | 'title' | 'lang' | 'outlet' | 'publishedAt'>, level: Level = 2, extra?: SafeHtml): SafeHtml {
  return html`<section class="item" data-item>
<h${level}><a href="${path.article(a.id)}"${a.title ? langAttrs(a.lang) : ''}>${a.title || u.t('article.untitled')}</a></h${level}>
<div class="meta">${a.outlet ? html`${outletLink(a.outlet)} · ` : ''}${timeTag(u, a.publishedAt)}${slot.article(a.id)}${extra ?? ''}</div>
</section>`;
}

/**
 * A story-collapsed row's link to its story: "and N more outlets" (Google News' full
 * coverage), empty when no other outlet carried it.
 */
export function coverageLink(u: Ui, c: Coverage | undefined): SafeHtml {
  if (!c?.storyId || c.moreOutlets === 0) return html``;
  return html` · <a class="more" href="${path.story(c.storyId)}">${u.t('story.moreOutlets', { n: c.moreOutlets })}</a>`;
}

/** The other headlines a collapsed search row names (coverage.also), each with its outlet. */
export function alsoList(u: Ui, c: Coverage | undefined): SafeHtml {
  if (!c?.also.length) return html``;
  return html`<ul class="also" aria-label="${u.t('story.otherHeadlines')}">${c.also.map((a) => html`<li><a href="${path.article(a.id)}" dir="auto">${a.title || u.t('article.untitled')}</a>${a.outlet ? html` — <bdi>${a.outlet}</bdi>` : ''}</li>`)}</ul>`;
}

/** Previous/next links keeping the current filters. */
export function pager(u: Ui, base: string, params: Record<string, string | null | undefined>, page: number, hasNext: boolean): SafeHtml {
  const prev = page > 1 ? html`<a rel="prev" href="${base}${qs({ ...params, page: page - 1 > 1 ? page - 1 : null })}">${u.t('pager.newer')}</a>` : html`<span></span>`;
  const next = hasNext ? html`<a rel="next" href="${base}${qs({ ...params, page: page + 1 })}">${u.t('pager.older')}</a>` : html`<span></span>`;
  return html`<nav class="pager" aria-label="${u.t('pager.label')}">${prev}${next}</nav>`;
}

/** The filter form shared by home, outlet and search pages. */
export function filterForm(u: Ui, action: string, f: { q?: string; outlet?: string | null; from?: string | null; to?: string | null; recent?: boolean }, outlets: string[]): SafeHtml {
  return html`<form class="filters" action="${action}" method="get">
${f.q !== undefined ? html`<input type="search" name="q" value="${f.q}" aria-label="${u.t('filters.query')}">` : ''}
<label>${u.t('filters.outlet')} <select name="outlet"><option value="">${u.t('filters.all')}</option>${outlets.map((o) => html`<option value="${o}" dir="auto"${o === f.outlet ? html` selected` : ''}>${o}</option>`)}</select></label>
<label>${u.t('filters.from')} <input type="date" name="from" value="${f.from ?? ''}"></label>
<label>${u.t('filters.to')} <input type="date" name="to" value="${f.to ?? ''}"></label>
${f.recent !== undefined ? html`<label><input type="checkbox" name="recent" value="1"${f.recent ? html` checked` : ''}> ${u.t('filters.recent')}</label>` : ''}
<button type="submit">${u.t('filters.apply')}</button>
</form>`;
}

/** Body text as paragraphs (blank-line separated in the Article). */
export function paragraphs(text: string): SafeHtml[] {
  return text.split(/\n\s*\n/).map((p) => html`<p dir="auto">${p.trim()}</p>`);
}
