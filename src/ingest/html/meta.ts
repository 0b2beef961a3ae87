/**
 * Page metadata from the head and JSON-LD: title (minus the site suffix), canonical URL,
 * outlet, author, keyword tags. Why separate from the body: these come from markup the
 * page meant for machines, and are more reliable than anything read from the body.
 * Contract: pure functions of a parsed Document; missing values are null, never thrown.
 */
import { normalize } from '../../arabic/index.ts';

/** The content of the first `<meta>` whose property, name or itemprop is one of `keys`. */
export function metaContent(doc: Document, keys: readonly string[]): string | null {
  const metas = Array.from(doc.querySelectorAll('meta'));
  for (const key of keys) {
    for (const m of metas) {
      const names = [m.getAttribute('property'), m.getAttribute('name'), m.getAttribute('itemprop')]
        .filter((x): x is string => x != null)
        .flatMap((x) => x.toLowerCase().split(/\s+/));
      if (!names.includes(key)) continue;
      const v = m.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return null;
}

/** Every JSON-LD object in the page, with `@graph` members and nested arrays flattened. */
export function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v == null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type*="ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block is common and not worth an issue: the page still parses.
    }
  }
  return out;
}

/** A string field of a JSON-LD object, or `field.name` when it is an object (publisher). */
export function ldString(o: Record<string, unknown>, field: string): string | null {
  const v = o[field];
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return v.length > 0 ? ldString({ x: v[0] }, 'x') : null;
  if (v && typeof v === 'object') {
    const name = (v as Record<string, unknown>)['name'];
    return typeof name === 'string' ? name.trim() || null : null;
  }
  return null;
}

const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();
const fold = (s: string): string => normalize(ws(s)).replace(/[^\p{L}\p{N}]+/gu, '');

/** Site names the page gives for itself: og:site_name, application-name, JSON-LD publisher. */
export function siteNames(doc: Document, ld: Record<string, unknown>[]): string[] {
  const names = [metaContent(doc, ['og:site_name']), metaContent(doc, ['application-name'])];
  for (const o of ld) names.push(ldString(o, 'publisher'));
  return names.filter((x): x is string => !!x);
}

const SEPARATOR = /\s+[-|–—:»«•·]\s+|\s*\|\s*/;

/**
 * The headline: og:title / twitter:title / JSON-LD headline / <title>, then cut to an h1
 * it contains (which drops any site prefix or suffix), else minus segments that name the
 * site (`… - الصباح | Assabah`, `… - اليوم السابع`).
 */
export function pageTitle(doc: Document, ld: Record<string, unknown>[]): string {
  const headline = ld.map((o) => ldString(o, 'headline')).find((x) => x) ?? null;
  const raw = [metaContent(doc, ['og:title']), metaContent(doc, ['twitter:title']), headline, doc.querySelector('title')?.textContent ?? null]
    .map((x) => (x ? ws(x) : ''))
    .find((x) => x !== '');
  const h1s = Array.from(doc.querySelectorAll('h1')).map((h) => ws(h.textContent ?? '')).filter((t) => t.split(' ').length >= 3);
  if (!raw) return h1s[0] ?? '';
  const fr = fold(raw);
  const h1 = h1s.find((h) => fr.includes(fold(h)) && fold(h).length >= 0.4 * fr.length);
  if (h1) return fold(h1) === fr ? raw : h1;
  const sites = siteNames(doc, ld).map(fold).filter((s) => s.length > 1);
  let parts = raw.split(SEPARATOR);
  const isSite = (p: string): boolean => {
    const f = fold(p);
    return f !== '' && sites.some((s) => s.includes(f) || f.includes(s));
  };
  while (parts.length > 1 && isSite(parts[parts.length - 1]!)) parts = parts.slice(0, -1);
  while (parts.length > 1 && isSite(parts[0]!)) parts = parts.slice(1);
  return parts.length === raw.split(SEPARATOR).length ? raw : ws(parts.join(' - '));
}

/** Absolute URL of `href` against `base`, or null (javascript:, #fragments, garbage). */
export function absUrl(href: string | null | undefined, base: string | null): string | null {
  const h = href?.trim();
  if (!h || h.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(h)) return null;
  try {
    const u = new URL(h, base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The page's own URL: canonical link, og:url, JSON-LD url, else the document's URL. */
export function pageUrl(doc: Document, docUrl: string | null): string | null {
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  return absUrl(canonical, docUrl) ?? absUrl(metaContent(doc, ['og:url']), docUrl) ?? (docUrl ? absUrl(docUrl, null) : null);
}

/** Who published it: og:site_name, else the JSON-LD publisher's name. */
export function pageOutlet(doc: Document, ld: Record<string, unknown>[]): string | null {
  return metaContent(doc, ['og:site_name']) ?? ld.map((o) => ldString(o, 'publisher')).find((x) => x) ?? null;
}

/** The author: meta author / article:author (when not a URL), else JSON-LD author's name. */
export function pageAuthor(doc: Document, ld: Record<string, unknown>[]): string | null {
  const m = metaContent(doc, ['author', 'article:author', 'dc.creator']);
  if (m && !/^https?:/i.test(m)) return ws(m);
  return ld.map((o) => ldString(o, 'author')).find((x) => x) ?? null;
}

/** Keywords the page gives in its head: article:tag (each), else news_keywords / keywords. */
export function metaTags(doc: Document): string[] {
  const tags = Array.from(doc.querySelectorAll('meta[property="article:tag"]')).map((m) => ws(m.getAttribute('content') ?? ''));
  const list = tags.length > 0 ? tags : (metaContent(doc, ['news_keywords', 'keywords']) ?? '').split(/\s*[,،;]\s*/);
  const out = [...new Set(list.map(ws).filter((t) => t !== '' && t.length <= 60))];
  return out.length <= 30 ? out : [];
}

/** The section the page files the article under: article:section, else JSON-LD articleSection. */
export function pageSection(doc: Document, ld: Record<string, unknown>[]): string | null {
  const m = metaContent(doc, ['article:section']);
  if (m) return ws(m);
  return ld.map((o) => ldString(o, 'articleSection')).find((x) => x) ?? null;
}
