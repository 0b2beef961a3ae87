/**
 * The JSON and JSONL adapters: news corpora as a JSON array, an object holding the array
 * (under `articles`, `items`, `data`, `results`, `entries`, `posts` or `news`), a single
 * article object, or one object per line (JSONL). Field names are mapped in fields.ts.
 *
 * Contract: never throws for bad input. A syntax error is one `json.syntax` issue naming
 * the line and column (nothing in that document parses); in JSONL a bad line is a
 * `jsonl.syntax` issue with its line number and the other lines still parse. An item that
 * is not an object (`json.item.not_object`) or has neither title nor body
 * (`json.item.empty`) is an issue with its 0-based index (JSONL: its line), not an Article.
 */
import { makeArticle, type Article } from '../../model/article.ts';
import { LIMITS } from '../../model/schema.ts';
import { BODY_BREAKS, cutAt } from '../normalize.ts';
import { resolveUrl } from '../../model/url.ts';
import { decode } from '../encoding.ts';
import type { InputDoc, ParseIssue, ParseOptions, ParseResult, Parser } from '../types.ts';
import { emptyResult } from '../types.ts';
import { mapItem } from './fields.ts';
import { firstJsonError, lineCol } from './locate.ts';

type Obj = Record<string, unknown>;

export const ARRAY_KEYS = ['articles', 'items', 'data', 'results', 'entries', 'posts', 'news', 'documents', 'docs'];
export const ARTICLE_KEYS = /^(?:title|headline|head_line|content|text|body)$/;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The document as text: JSON is UTF-8 (RFC 8259), but the charset is still decided on the bytes. */
function jsonText(doc: InputDoc): string {
  const text = decode(doc.bytes, doc.contentType).text;
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The V8 message without its echo of the input (which can be long and unreadable). */
function shortMessage(e: unknown): string {
  return String((e as Error).message ?? e)
    .replace(/,\s*".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+.*$/s, '');
}

/** Per-document issues listed one by one; past this, they are counted (a 50 MB array of junk). */
const MAX_ISSUES = 1000;

/**
 * One document being parsed, whole or streamed (stream.ts): where its Articles and issues
 * go, and how many issues were not listed.
 */
export interface JsonCtx {
  doc: InputDoc;
  opts: ParseOptions;
  article: (a: Article) => void;
  issue: (i: ParseIssue) => void;
  issues: number;
  dropped: number;
}

export function jsonCtx(doc: InputDoc, opts: ParseOptions, out: ParseResult): JsonCtx {
  return { doc, opts, article: (a) => out.articles.push(a), issue: (i) => out.errors.push(i), issues: 0, dropped: 0 };
}

export function report(ctx: JsonCtx, issue: ParseIssue): void {
  if (ctx.issues++ < MAX_ISSUES) ctx.issue(issue);
  else ctx.dropped++;
}

/** Ends a document: one closing issue saying how many were not listed. */
export function finish(ctx: JsonCtx, fmt: string): void {
  if (ctx.dropped > 0) {
    ctx.issue({ code: `${fmt}.more_issues`, source: ctx.doc.name, message: `${ctx.dropped} more issues in this file not listed` });
  }
}

/**
 * Adds one item (or its issue). `where` locates it for issues; `cut` names the fields a
 * streamed read had to cut (`json.too_large`: the value was longer than a string may be).
 */
export function addItem(ctx: JsonCtx, v: unknown, via: string | null, where: Pick<ParseIssue, 'line' | 'item'>, cut: string[] = []): void {
  const { doc } = ctx;
  const fmt = where.line != null ? 'jsonl' : 'json';
  if (!isObj(v)) {
    const kind = Array.isArray(v) ? 'an array' : v === null ? 'null' : `a ${typeof v}`;
    report(ctx, { code: `${fmt}.item.not_object`, source: doc.name, ...where, message: `expected an article object, got ${kind}` });
    return;
  }
  const input = mapItem(v, { now: ctx.opts.now, via });
  if (cut.length > 0) {
    report(ctx, { code: 'json.too_large', severity: 'warning', source: doc.name, ...where, message: `${cut.join(', ')}: longer than a field may be (${LIMITS.text} characters for a body); cut` });
    if (input && input.text.length > LIMITS.text) input.text = cutAt(input.text, LIMITS.text, BODY_BREAKS);
  }
  if (!input) {
    const keys = Object.keys(v).slice(0, 8).join(', ') || 'none';
    report(ctx, { code: `${fmt}.item.empty`, source: doc.name, ...where, message: `no title and no text (keys: ${keys})` });
    return;
  }
  if (!input.url && doc.url) {
    const raw = v.url ?? v.link;
    if (typeof raw === 'string' && raw.trim()) input.url = resolveUrl(raw, doc.url);
  }
  ctx.article(makeArticle(input));
}

/** The article list inside a parsed JSON value, with the wrapper's title as `via`. */
function findItems(value: unknown): { items: unknown[]; via: string | null } | null {
  if (Array.isArray(value)) return { items: value, via: null };
  if (!isObj(value)) return null;
  for (const holder of [value, ...ARRAY_KEYS.map((k) => value[k]).filter(isObj)]) {
    for (const k of ARRAY_KEYS) {
      const arr = holder[k];
      if (Array.isArray(arr)) {
        const t = value.title ?? value.name;
        return { items: arr, via: typeof t === 'string' && t.trim() ? t.trim() : null };
      }
    }
  }
  if (Object.keys(value).some((k) => ARTICLE_KEYS.test(k))) return { items: [value], via: null };
  return null;
}

/** A JSON document: an array of articles, an object holding one, or one article. */
export const parseJson: Parser = (doc, opts) => {
  const out = emptyResult();
  const text = jsonText(doc);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // Several objects one per line, given as `json`: read it as the JSONL it is.
    if (/non-whitespace character after JSON/.test((e as Error).message) && looksJsonl(text)) return parseJsonl(doc, opts);
    const at = firstJsonError(text);
    const pos = lineCol(text, at < 0 ? text.length : at);
    const reason = text.trim() === '' ? 'no JSON value (blank file)' : shortMessage(e);
    out.errors.push({ code: 'json.syntax', source: doc.name, line: pos.line, message: `invalid JSON at line ${pos.line}, column ${pos.column}: ${reason}` });
    return out;
  }
  const found = findItems(value);
  if (!found) {
    const what = isObj(value) ? `an object without an article list (keys: ${Object.keys(value).slice(0, 8).join(', ') || 'none'})` : `a ${value === null ? 'null' : typeof value}`;
    out.errors.push({ code: 'json.no_articles', source: doc.name, message: `expected an array of articles, got ${what}` });
    return out;
  }
  const ctx = jsonCtx(doc, opts, out);
  found.items.forEach((v, item) => addItem(ctx, v, found.via, { item }));
  finish(ctx, 'json');
  return out;
};

function looksJsonl(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0] ?? '';
  try {
    return isObj(JSON.parse(first));
  } catch {
    return false;
  }
}

/** A shortened V8 message for a JSONL line, with the column of the error. */
function lineIssue(line: string, lineNo: number, e: unknown, source: string): ParseIssue {
  const at = firstJsonError(line);
  const col = (at < 0 ? line.length : at) + 1;
  return { code: 'jsonl.syntax', source, line: lineNo, message: `invalid JSON at line ${lineNo}, column ${col}: ${shortMessage(e)}` };
}

/** One JSONL line (blank lines are skipped): its article, or its issue. */
export function jsonlLine(ctx: JsonCtx, line: string, lineNo: number): void {
  if (line.trim() === '') return;
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    report(ctx, lineIssue(line, lineNo, e, ctx.doc.name));
    return;
  }
  addItem(ctx, v, null, { line: lineNo });
}

/** JSONL: one article object per line; blank lines are skipped, a bad line is an issue. */
export const parseJsonl: Parser = (doc, opts) => {
  const out = emptyResult();
  const ctx = jsonCtx(doc, opts, out);
  const text = jsonText(doc);
  let lineNo = 0;
  for (let at = 0; at <= text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    jsonlLine(ctx, text.slice(at, nl), ++lineNo);
    at = nl + 1;
  }
  if (out.articles.length === 0 && out.errors.length === 0) {
    out.errors.push({ code: 'jsonl.empty', source: doc.name, message: 'no JSON lines' });
  }
  finish(ctx, 'jsonl');
  return out;
};
