/**
 * The adapter for article web pages: one HTML page in, one Article out. Stages, in order:
 * decode → size guard → strip scripts/styles (linear) → DOM (linkedom) → metadata (title,
 * URL, outlet, author, tags) → whole-page boilerplate pass (related-links, tag and
 * most-read blocks; related links become `readAlso`) → publication date → Readability →
 * article-body pass (clean.ts: markers, widgets and page chrome of any site, chrome.ts;
 * then the lead and tail, edges.ts, told by the headline, author and section) → text
 * (paragraphs separated by one blank line) →
 * language from the text (the html `lang` attribute is only a hint).
 *
 * Contract: bad input is an issue, never an exception: `html.too_large` above
 * MAX_HTML_BYTES raw or MAX_STRIPPED_CHARS after stripping, `html.no_article` when no
 * body text is found, `html.failed` when the DOM or Readability gives up.
 */
import { hoistBodyContent } from './tree.ts';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Parser, ParseIssue, ParseResult } from '../types.ts';
import { emptyResult } from '../types.ts';
import { decode } from '../encoding.ts';
import { makeArticle } from '../../model/article.ts';
import { detectLang } from '../../arabic/lang.ts';
import { prestrip } from './prestrip.ts';
import { jsonLdObjects, metaTags, pageAuthor, pageOutlet, pageSection, pageTitle, pageUrl } from './meta.ts';
import { extractRelated } from './related.ts';
import { machineDate, visibleDate, visibleDateTexts, type PageDate } from './dates.ts';
import { collectBlocks } from './blocks.ts';
import { cleanBlocks } from './clean.ts';
import { pageContext } from './edges.ts';
import { fold } from './markers.ts';

/** Raw pages above this are refused before decoding. */
export const MAX_HTML_BYTES = 64 * 1024 * 1024;
/** Markup left after stripping scripts and styles above this is refused (DOM cost). */
export const MAX_STRIPPED_CHARS = 4 * 1024 * 1024;
/** Readability gives up on documents with more elements than this. */
const MAX_ELEMENTS = 60_000;

/** What the extractor found besides the Article (for evaluation and debugging). */
export interface HtmlExtraction {
  date: PageDate | null;
  htmlLang: string | null;
}

const issue = (code: string, source: string, message: string): ParseIssue => ({ code, source, message });

/** Extracts the article of one decoded page; returns issues instead of throwing. */
export function extractHtml(html: string, name: string, docUrl: string | null, now: Date): ParseResult & { extraction: HtmlExtraction | null } {
  const out = { ...emptyResult(), extraction: null as HtmlExtraction | null };
  const stripped = prestrip(html);
  if (stripped.length > MAX_STRIPPED_CHARS) {
    out.errors.push(issue('html.too_large', name, `page markup is ${stripped.length} characters after removing scripts and styles; the limit is ${MAX_STRIPPED_CHARS}`));
    return out;
  }
  const { document } = parseHTML(stripped);
  const doc = document as unknown as Document;
  // documentElement first: linkedom's `body` getter throws when there is no root element.
  if (!doc.documentElement || !doc.body) {
    out.errors.push(issue('html.no_article', name, 'no <body> in the page'));
    return out;
  }
  hoistBodyContent(doc);
  const ld = jsonLdObjects(doc);
  const url = pageUrl(doc, docUrl);
  const title = pageTitle(doc, ld);
  const htmlLang = doc.documentElement.getAttribute('lang');
  const related = extractRelated(doc, url);
  const author = pageAuthor(doc, ld);
  let outlet = pageOutlet(doc, ld);
  const headTags = metaTags(doc);
  const section = pageSection(doc, ld);
  const machine = machineDate(doc, now);
  // Read before Readability changes the DOM; tried after the body's own date lines.
  const markedDates = machine ? [] : visibleDateTexts(doc);

  const reader = new Readability(doc, { maxElemsToParse: MAX_ELEMENTS, charThreshold: 200, keepClasses: false });
  const parsed = reader.parse();
  if (!parsed?.content) {
    out.errors.push(issue('html.no_article', name, 'no article text found in the page'));
    return out;
  }
  const content = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document as unknown as Document;
  const ctx = pageContext(title || parsed.title || '', { base: url, author, section, outlet });
  const cleaned = cleanBlocks(collectBlocks(content.body), ctx);
  const text = cleaned.paragraphs.join('\n\n');
  if (text.trim() === '') {
    out.errors.push(issue('html.no_article', name, 'the page has no article text after boilerplate removal'));
    return out;
  }
  const date = machine ?? visibleDate([...cleaned.dateLines, ...markedDates], now);
  let via: string | null = null;
  if (cleaned.outlet && outlet && cleaned.outlet !== outlet) via = outlet;
  outlet = cleaned.outlet ?? outlet;
  const readAlso = [...related.readAlso];
  for (const r of cleaned.readAlso) if (!readAlso.some((x) => x.url !== null && x.url === r.url)) readAlso.push(r);
  const tags = keepTags(related.tags.length > 0 ? related.tags : cleaned.tags.length > 0 ? cleaned.tags : headTags, title);
  const byline = author ?? parsed.byline ?? null;
  out.articles.push(
    makeArticle({
      url,
      title: title || parsed.title || cleaned.paragraphs[0]!.slice(0, 120),
      text,
      publishedAt: date ? date.date.toISOString() : null,
      outlet,
      via,
      author: byline && !namesSite(byline, [outlet, via, pageOutlet(doc, ld)]) ? byline : null,
      lang: detectLang(`${title}\n${text}`, htmlLang),
      tags,
      readAlso,
    }),
  );
  out.extraction = { date, htmlLang };
  return out;
}

/** True when an author string is just the site's name (`خبرآنلاین - سایت خبرگزاری …`). */
function namesSite(author: string, sites: (string | null)[]): boolean {
  const a = fold(author);
  return sites.some((s) => s != null && fold(s) !== '' && (a.includes(fold(s)) || fold(s).includes(a)));
}

/** Drops a "tag list" that is only the headline cut into words (some CMSs do that). */
function keepTags(tags: string[], title: string): string[] {
  const words = new Set(fold(title).split(' '));
  const junk = tags.length > 2 && tags.every((t) => !fold(t).includes(' ') && words.has(fold(t)));
  return junk ? [] : tags;
}

/** The Parser for `html`: decodes the bytes (charset from header, BOM, meta, content). */
export const parseHtml: Parser = (doc, opts) => {
  if (doc.bytes.byteLength > MAX_HTML_BYTES) {
    return { ...emptyResult(), errors: [issue('html.too_large', doc.name, `page is ${doc.bytes.byteLength} bytes; the limit is ${MAX_HTML_BYTES}`)] };
  }
  const { text } = decode(doc.bytes, doc.contentType);
  try {
    const { articles, sources, errors } = extractHtml(text, doc.name, doc.url ?? null, opts.now ?? new Date());
    return { articles, sources, errors };
  } catch (e) {
    return { ...emptyResult(), errors: [issue('html.failed', doc.name, `could not extract the article: ${(e as Error).message}`)] };
  }
};
