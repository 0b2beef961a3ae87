/**
 * The adapter for plain-text article dumps (corpus/textdumps: Windows-1256, CRLF, headline
 * on the first line, paragraphs one per line): one document, one Article.
 *
 * Contract: the charset is detected (../encoding.ts), never assumed. Within the first
 * HEADER_LINES lines, a marked date line and a marked byline become `publishedAt` and
 * `author` and leave the text (header.ts); nothing unmarked is guessed. The title is the
 * first remaining line; when that line is a whole paragraph (longer than
 * MAX_HEADLINE characters: the dump has no headline) the title is its opening cut at a
 * word, and the line stays in the text. Every other line is a paragraph. Issues:
 * `text.empty`, `text.binary` (junk that decoded to no prose), `text.too_large`,
 * `text.mojibake` (Arabic already replaced by `?` before the file was saved),
 * `text.bad_date` (a labelled date that does not parse; the article comes out undated).
 */
import { makeArticle } from '../../model/article.ts';
import type { ParseIssue, Parser } from '../types.ts';
import { emptyResult } from '../types.ts';
import { decode } from '../encoding.ts';
import { junkReason, lostArabic } from './junk.ts';
import { readByline, readDate } from './header.ts';

export const MAX_TEXT_BYTES = 8 * 1024 * 1024;
const HEADER_LINES = 6;
const MAX_HEADLINE = 200;
const CUT_HEADLINE = 120;

/** The title for a first line that is a paragraph: its opening, cut at a word, with `…`. */
function cutHeadline(line: string): string {
  const head = line.slice(0, CUT_HEADLINE);
  const at = head.lastIndexOf(' ');
  return `${(at > 40 ? head.slice(0, at) : head).replace(/[\s،,.:؛-]+$/, '')}…`;
}

export const parseText: Parser = (doc) => {
  const out = emptyResult();
  const issue = (code: string, message: string, line?: number): void => {
    const i: ParseIssue = { code, source: doc.name, message };
    if (line !== undefined) i.line = line;
    out.errors.push(i);
  };
  if (doc.bytes.byteLength > MAX_TEXT_BYTES) {
    issue('text.too_large', `${doc.bytes.byteLength} bytes: a text article is at most ${MAX_TEXT_BYTES}`);
    return out;
  }
  const { text, charset } = decode(doc.bytes, doc.contentType);
  const lines = text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((l, i) => ({ text: l.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim(), no: i + 1 }))
    .filter((l) => l.text !== '');
  if (lines.length === 0) {
    issue('text.empty', 'no text');
    return out;
  }
  const lost = lostArabic(text);
  if (lost) {
    issue('text.mojibake', lost);
    return out;
  }
  const junk = junkReason(text);
  if (junk) {
    issue('text.binary', `${junk} (decoded as ${charset})`);
    return out;
  }

  let publishedAt: string | null = null;
  let author: string | null = null;
  const body: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (i < HEADER_LINES) {
      const date: ReturnType<typeof readDate> = publishedAt === null ? readDate(line.text) : null;
      if (date) {
        if (date.value === null) issue('text.bad_date', `unrecognized date: ${line.text.slice(0, 80)}`, line.no);
        publishedAt = date.value;
        if (date.rest) body.push(date.rest);
        continue;
      }
      const by: ReturnType<typeof readByline> = author === null ? readByline(line.text) : null;
      if (by) {
        author = by.value;
        if (by.rest) body.push(by.rest);
        continue;
      }
    }
    body.push(line.text);
  }
  if (body.length === 0) {
    issue('text.empty', 'only metadata lines, no headline or text');
    return out;
  }
  const first = body[0]!;
  const isHeadline = first.length <= MAX_HEADLINE;
  const paras = isHeadline ? body.slice(1) : body;
  if (paras.length === 0) {
    issue('text.empty', `a headline and no text: «${first.slice(0, 60)}»`);
    return out;
  }
  out.articles.push(
    makeArticle({
      title: isHeadline ? first : cutHeadline(first),
      text: paras.join('\n\n'),
      publishedAt,
      author,
      lang: 'ar',
    }),
  );
  return out;
};
