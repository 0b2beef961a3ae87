/**
 * Reusable fragments: story and article list items, outlet chips, pager, tags.
 * Text from feeds is isolated for bidi (`dir="auto"` on titles, `<bdi>` around outlet and
 * author names), so a Latin or mixed-direction name cannot reorder the Arabic around it.
 */
import { html, qs, type SafeHtml } from './html.ts';
import { arabicShort, gmt } from './format.ts';
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

/** True for an http(s) URL: the only kind rendered as a link (a stored `javascript:` or `data:` URL is not). */
export function linkable(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url);
}

/** An outlet (or author) name, isolated from the text around it. */
export function outletLink(outlet: string): SafeHtml {
  return html`<a href="${path.outlet(outlet)}"><bdi>${outlet}</bdi></a>`;
}

export function timeTag(iso: string | null): SafeHtml {
  return iso ? html`<time datetime="${iso}" title="${gmt(iso)}">${arabicShort(iso)}</time>` : html``;
}

export function storyItem(s: StorySummary, titleLink: string): SafeHtml {
  const others = s.outlets.filter((o) => o !== s.originalOutlet);
  return html`<section class="story">
<h3><a href="${titleLink}" dir="auto">${s.title}</a></h3>
<div class="meta">${s.outlets.length > 1 ? html`<span class="badge">${s.outlets.length} مصادر</span> ` : ''}أولاً: ${s.originalOutlet ? outletLink(s.originalOutlet) : '—'} · ${timeTag(s.firstSeen)}${slot.story(s.id)}</div>
${others.length ? html`<ul class="outlets" aria-label="مصادر أخرى">${others.map((o) => html`<li>${outletLink(o)}</li>`)}</ul>` : ''}
</section>`;
}

export function articleItem(a: Pick<Article, 'id' | 'title' | 'lang' | 'outlet' | 'publishedAt'>, extra?: SafeHtml): SafeHtml {
  return html`<section class="item">
<h3><a href="${path.article(a.id)}" dir="auto" lang="${a.lang}">${a.title || '(بلا عنوان)'}</a></h3>
<div class="meta">${a.outlet ? html`${outletLink(a.outlet)} · ` : ''}${timeTag(a.publishedAt)}${slot.article(a.id)}${extra ?? ''}</div>
</section>`;
}

const PLURAL = new Intl.PluralRules('ar');
/** «ومصدر آخر»، «ومصدران آخران»، «و٣ مصادر أخرى»، «و١١ مصدراً آخر»: the other outlets of a story. */
export function moreOutletsText(n: number): string {
  switch (PLURAL.select(n)) {
    case 'one':
      return 'ومصدر آخر';
    case 'two':
      return 'ومصدران آخران';
    case 'few':
      return `و${n} مصادر أخرى`;
    case 'many':
      return `و${n} مصدراً آخر`;
    default:
      return `و${n} مصدر آخر`;
  }
}

/**
 * A story-collapsed row's link to its story: "and N more outlets" (Google News' full
 * coverage), empty when no other outlet carried it.
 */
export function coverageLink(c: Coverage | undefined): SafeHtml {
  if (!c?.storyId || c.moreOutlets === 0) return html``;
  return html` · <a class="more" href="${path.story(c.storyId)}">${moreOutletsText(c.moreOutlets)}</a>`;
}

/** The other headlines a collapsed search row names (coverage.also), each with its outlet. */
export function alsoList(c: Coverage | undefined): SafeHtml {
  if (!c?.also.length) return html``;
  return html`<ul class="also" aria-label="عناوين أخرى للقصة">${c.also.map((a) => html`<li><a href="${path.article(a.id)}" dir="auto">${a.title || '(بلا عنوان)'}</a>${a.outlet ? html` — <bdi>${a.outlet}</bdi>` : ''}</li>`)}</ul>`;
}

/** Previous/next links keeping the current filters. */
export function pager(base: string, params: Record<string, string | null | undefined>, page: number, hasNext: boolean): SafeHtml {
  const prev = page > 1 ? html`<a rel="prev" href="${base}${qs({ ...params, page: page - 1 > 1 ? page - 1 : null })}">→ الأحدث</a>` : html`<span></span>`;
  const next = hasNext ? html`<a rel="next" href="${base}${qs({ ...params, page: page + 1 })}">الأقدم ←</a>` : html`<span></span>`;
  return html`<nav class="pager">${prev}${next}</nav>`;
}

/** The filter form shared by home, outlet and search pages. */
export function filterForm(action: string, f: { q?: string; outlet?: string | null; from?: string | null; to?: string | null; recent?: boolean }, outlets: string[]): SafeHtml {
  return html`<form class="filters" action="${action}" method="get">
${f.q !== undefined ? html`<input type="search" name="q" value="${f.q}" aria-label="الاستعلام">` : ''}
<label>المصدر <select name="outlet"><option value="">الكل</option>${outlets.map((o) => html`<option value="${o}" dir="auto"${o === f.outlet ? html` selected` : ''}>${o}</option>`)}</select></label>
<label>من <input type="date" name="from" value="${f.from ?? ''}"></label>
<label>إلى <input type="date" name="to" value="${f.to ?? ''}"></label>
${f.recent !== undefined ? html`<label><input type="checkbox" name="recent" value="1"${f.recent ? html` checked` : ''}> الأحدث أولاً</label>` : ''}
<button type="submit">تصفية</button>
</form>`;
}

/** Body text as paragraphs (blank-line separated in the Article). */
export function paragraphs(text: string): SafeHtml[] {
  return text.split(/\n\s*\n/).map((p) => html`<p dir="auto">${p.trim()}</p>`);
}
