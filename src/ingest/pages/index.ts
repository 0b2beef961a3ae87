/**
 * The adapter for saved aggregator pages (plain text, like corpus/pages/moscow-tehran-…):
 * a headline line, `تاريخ النشر:`, body paragraphs, an `اقرأ أيضاً` list of related
 * headlines, `المصدر:` (the outlet), `كلمات دلالية:` (tags), and sometimes a second, whole
 * article appended after another `إقرأ أيضاً:`.
 *
 * Contract: the first non-marker line is the title; a marker's value is the rest of its
 * line, or the next line when the marker stands alone. A read-also block runs to the next
 * marker: when it holds paragraphs (a line after its first that is longer than a headline)
 * it is an appended article (title = its first line, relatedTo = the main article's id),
 * else its lines are `readAlso` links. Markers after an appended article belong to it.
 * Any block may be missing. `via` stays null (the page does not name the aggregator).
 * Issues: `page.empty`, `page.binary`, `page.too_large`, `page.bad_date` (the article
 * still comes out, undated), `page.no_title`, `page.no_text` (that article is skipped).
 */
import type { Article, ReadAlsoLink } from '../../model/article.ts';
import { makeArticle } from '../../model/article.ts';
import { parseArabicDate } from '../../arabic/dates.ts';
import type { ParseIssue, Parser } from '../types.ts';
import { emptyResult } from '../types.ts';
import { decode } from '../encoding.ts';
import { junkReason } from '../text/junk.ts';
import { matchMarker } from './markers.ts';
import { splitTags } from './tags.ts';

/** A saved page is a few KB; anything past this is not one. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

interface Line {
  text: string;
  no: number;
}

interface Draft {
  title: Line | null;
  paras: string[];
  publishedAt: string | null;
  outlet: string | null;
  tagLine: string | null;
  readAlso: ReadAlsoLink[];
  appended: boolean;
}

const newDraft = (appended: boolean): Draft => ({
  title: null, paras: [], publishedAt: null, outlet: null, tagLine: null, readAlso: [], appended,
});

/** A body paragraph rather than a headline: long, or a long sentence. */
function isParagraph(line: string): boolean {
  return line.length > 200 || (line.split(/\s+/).length >= 15 && /[.!؟?…»"”]$/.test(line));
}

/** A headline of a read-also list, with a bullet stripped and a URL taken out if any. */
function toLink(line: string): ReadAlsoLink {
  const url = /https?:\/\/\S+/.exec(line)?.[0] ?? null;
  const title = (url ? line.replace(url, '') : line).replace(/^[-–•*·▪►]+\s*/, '').replace(/[\s\-–:|()]+$/, '').trim();
  return { title, url };
}

/** Splits decoded page text into trimmed non-empty lines with 1-based line numbers. */
function toLines(text: string): Line[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l, i) => ({ text: l.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim(), no: i + 1 }))
    .filter((l) => l.text !== '');
}

export const parsePage: Parser = (doc, opts) => {
  const out = emptyResult();
  const issue = (code: string, message: string, line?: number): void => {
    const i: ParseIssue = { code, source: doc.name, message };
    if (line !== undefined) i.line = line;
    out.errors.push(i);
  };
  if (doc.bytes.byteLength > MAX_PAGE_BYTES) {
    issue('page.too_large', `${doc.bytes.byteLength} bytes: a saved page is at most ${MAX_PAGE_BYTES}`);
    return out;
  }
  const { text } = decode(doc.bytes, doc.contentType);
  const lines = toLines(text);
  if (lines.length === 0) {
    issue('page.empty', 'no text');
    return out;
  }
  const junk = junkReason(text);
  if (junk) {
    issue('page.binary', junk);
    return out;
  }

  const drafts: Draft[] = [];
  let cur = newDraft(false);
  drafts.push(cur);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = matchMarker(line.text);
    if (!m) {
      if (cur.title === null) cur.title = line;
      else cur.paras.push(line.text);
      continue;
    }
    if (m.kind === 'readAlso') {
      const block: Line[] = m.rest ? [{ text: m.rest, no: line.no }] : [];
      while (i + 1 < lines.length && !matchMarker(lines[i + 1]!.text)) block.push(lines[++i]!);
      const [head, ...rest] = block;
      if (head && !isParagraph(head.text) && rest.some((l) => isParagraph(l.text))) {
        cur = newDraft(true);
        drafts.push(cur);
        cur.title = head;
        cur.paras.push(...rest.map((l) => l.text));
      } else {
        cur.readAlso.push(...block.map((l) => toLink(l.text)).filter((l) => l.title !== ''));
      }
      continue;
    }
    // A marker alone on its line takes its value from the next line.
    let value = m.rest;
    let at = line.no;
    if (value === '' && i + 1 < lines.length && !matchMarker(lines[i + 1]!.text)) {
      value = lines[++i]!.text;
      at = lines[i]!.no;
    }
    if (value === '') continue;
    if (m.kind === 'date') {
      const d = parseArabicDate(value, opts.now ? { now: opts.now } : {});
      if (d) cur.publishedAt ??= d.toISOString();
      else issue('page.bad_date', `unrecognized date: ${value.slice(0, 80)}`, at);
    } else if (m.kind === 'source') {
      // «المصدر» opening a sentence is body text; an outlet is a short name.
      if (value.split(' ').length <= 8) cur.outlet ??= value;
      else cur.paras.push(line.text);
    } else {
      cur.tagLine = cur.tagLine === null ? value : `${cur.tagLine} ${value}`;
    }
  }

  let mainId: string | null = null;
  for (const d of drafts) {
    const a = finish(d, mainId, issue);
    if (!a) continue;
    out.articles.push(a);
    if (!d.appended && mainId === null) mainId = a.id;
  }
  return out;
};

/** Turns a draft into an Article, or reports why it cannot be one. */
function finish(d: Draft, mainId: string | null, issue: (code: string, message: string, line?: number) => void): Article | null {
  if (d.title === null) {
    if (d.paras.length > 0 || d.readAlso.length > 0 || d.publishedAt !== null) issue('page.no_title', 'an article block with no headline line');
    return null;
  }
  if (d.paras.length === 0) {
    issue('page.no_text', `no body paragraphs under «${d.title.text.slice(0, 60)}»`, d.title.no);
    return null;
  }
  const text = d.paras.join('\n\n');
  return makeArticle({
    title: d.title.text,
    text,
    publishedAt: d.publishedAt,
    outlet: d.outlet,
    via: null,
    lang: 'ar',
    tags: d.tagLine ? splitTags(d.tagLine, `${d.title.text}\n${text}`) : [],
    readAlso: d.readAlso,
    relatedTo: d.appended ? mainId : null,
  });
}
