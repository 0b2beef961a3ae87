/**
 * The one place a feed item becomes an Article: each format's adapter (rss.ts, rdf.ts,
 * atom.ts, jsonfeed.ts) only picks fields out of its raw struct into a `FeedItem`.
 *
 * Why here: cleaning HTML, decoding title entities, resolving relative links, reading
 * dates, choosing the outlet and dropping duplicates must behave the same for every
 * format (Miniflux's adapter pattern). Contract: `buildArticles` never throws; items with
 * neither title nor text, and dates that cannot be read, become issues; the rest come out.
 */
import { makeArticle, type Article } from '../../model/article.ts';
import { resolveUrl } from '../../model/url.ts';
import { parseArabicDate } from '../../arabic/index.ts';
import type { ParseIssue, ParseOptions } from '../types.ts';
import { htmlToText, inlineText, literalText, plainToText } from './html-text.ts';

/** What every format's adapter gives for one item, before any cleaning. */
export interface FeedItem {
  /** guid / Atom id / JSON Feed id: the item's identity within the feed. */
  id: string | null;
  title: string | null;
  /** The title is declared plain text (Atom `type="text"`): `<…>` in it is literal. */
  titleIsText?: boolean;
  /** The body as HTML (content:encoded, description, Atom html/xhtml, content_html). */
  html: string | null;
  /** The body as plain text, when the feed gives text rather than HTML. */
  text: string | null;
  link: string | null;
  date: string | null;
  author: string | null;
  tags: string[];
  /** The outlet the item names (RSS <source>, Atom <source><title>, dc:source). */
  source: string | null;
  lang: string | null;
}

/** What every format's adapter gives for the feed itself. */
export interface FeedInfo {
  title: string | null;
  /** The site's link (RSS <link>, Atom rel=alternate, home_page_url): base for relative links. */
  link: string | null;
  lang: string | null;
  items: FeedItem[];
}

/** The primary language subtag (`ar-SA` → `ar`), or null. */
export function primaryLang(tag: string | null | undefined): string | null {
  const m = tag ? /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag) : null;
  return m ? m[1]!.toLowerCase() : null;
}

const first = <T>(xs: T[] | undefined): T | null => xs?.find((x) => x != null && String(x).trim() !== '') ?? null;
export { first };

/** A title made from the first words of the text, for items that have none. */
function titleFromText(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  if (line.length <= 120) return line;
  const cut = line.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

/** Maps a feed's items to Articles; duplicates (same id, or same Article id) are dropped. */
export function buildArticles(feed: FeedInfo, docName: string, docUrl: string | null | undefined, opts: ParseOptions): { articles: Article[]; errors: ParseIssue[] } {
  const articles: Article[] = [];
  const errors: ParseIssue[] = [];
  const via = feed.title ? inlineText(feed.title) || null : null;
  const base = resolveUrl(feed.link, docUrl) ?? docUrl ?? null;
  const feedLang = primaryLang(feed.lang);
  const seen = new Set<string>();
  feed.items.forEach((it, index) => {
    const issue = (code: string, message: string) => errors.push({ code, source: docName, item: index, message });
    const fromHtml = it.html ? htmlToText(it.html) : '';
    const text = fromHtml || (it.text ? plainToText(it.text) : '');
    let title = it.title ? (it.titleIsText ? literalText(it.title) : inlineText(it.title)) : '';
    if (!title && !text) return void issue('feed.item.empty', 'item has neither a title nor any text');
    if (!title) title = titleFromText(text);
    const url = resolveUrl(it.link, base);
    let publishedAt: string | null = null;
    if (it.date) {
      const d = parseArabicDate(it.date, { now: opts.now });
      if (d) publishedAt = d.toISOString();
      else issue('feed.item.bad_date', `cannot read the date «${it.date}»`);
    }
    const source = it.source ? inlineText(it.source) : '';
    const article = makeArticle({
      url,
      title,
      text,
      publishedAt,
      outlet: source || via,
      via,
      author: it.author ? inlineText(it.author) : null,
      lang: primaryLang(it.lang) ?? feedLang ?? 'ar',
      tags: [...new Set(it.tags.map(inlineText).filter((t) => t !== ''))],
    });
    const keys = [`a:${article.id}`, ...(it.id?.trim() ? [`i:${it.id.trim()}`] : [])];
    if (keys.some((k) => seen.has(k))) return;
    keys.forEach((k) => seen.add(k));
    articles.push(article);
  });
  return { articles, errors };
}
