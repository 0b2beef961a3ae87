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
import { isUtf8 } from 'node:buffer';
import { makeArticle } from '../../model/article.ts';
import { resolveUrl } from '../../model/url.ts';
import { charsetFromContentType, decode } from '../encoding.ts';
import type { InputDoc, ParseIssue, ParseOptions, ParseResult, Parser } from '../types.ts';
import { emptyResult } from '../types.ts';
import { mapItem } from './fields.ts';
import { firstJsonError, lineCol } from './locate.ts';

type Obj = Record<string, unknown>;

const ARRAY_KEYS = ['articles', 'items', 'data', 'results', 'entries', 'posts', 'news', 'documents', 'docs'];
const ARTICLE_KEYS = /^(?:title|headline|head_line|content|text|body)$/;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The document as text. JSON is UTF-8 (RFC 8259): valid UTF-8 is decoded in one native
 * pass; anything else (a UTF-16 BOM, a declared charset, legacy bytes) goes through the
 * general charset detection.
 */
function jsonText(doc: InputDoc): string {
  const b = doc.bytes;
  const declared = charsetFromContentType(doc.contentType);
  if ((declared === null || declared === 'utf-8') && isUtf8(b)) {
    const text = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  return decode(b, doc.contentType).text;
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

/** One document being parsed: its result and the issues not listed. */
interface Ctx {
  doc: InputDoc;
  opts: ParseOptions;
  out: ParseResult;
  dropped: number;
}

function report(ctx: Ctx, issue: ParseIssue): void {
  if (ctx.out.errors.length < MAX_ISSUES) ctx.out.errors.push(issue);
  else ctx.dropped++;
}

/** The result, with one closing issue saying how many were not listed. */
function finish(ctx: Ctx, fmt: string): ParseResult {
  if (ctx.dropped > 0) {
    ctx.out.errors.push({ code: `${fmt}.more_issues`, source: ctx.doc.name, message: `${ctx.dropped} more issues in this file not listed` });
  }
  return ctx.out;
}

/** Adds one item (or its issue) to the result. `where` locates it for issues. */
function addItem(ctx: Ctx, v: unknown, via: string | null, where: Pick<ParseIssue, 'line' | 'item'>): void {
  const { doc, out } = ctx;
  const fmt = where.line != null ? 'jsonl' : 'json';
  if (!isObj(v)) {
    const kind = Array.isArray(v) ? 'an array' : v === null ? 'null' : `a ${typeof v}`;
    report(ctx, { code: `${fmt}.item.not_object`, source: doc.name, ...where, message: `expected an article object, got ${kind}` });
    return;
  }
  const input = mapItem(v, { now: ctx.opts.now, via });
  if (!input) {
    const keys = Object.keys(v).slice(0, 8).join(', ') || 'none';
    report(ctx, { code: `${fmt}.item.empty`, source: doc.name, ...where, message: `no title and no text (keys: ${keys})` });
    return;
  }
  if (!input.url && doc.url) {
    const raw = v.url ?? v.link;
    if (typeof raw === 'string' && raw.trim()) input.url = resolveUrl(raw, doc.url);
  }
  out.articles.push(makeArticle(input));
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
  const ctx: Ctx = { doc, opts, out, dropped: 0 };
  found.items.forEach((v, item) => addItem(ctx, v, found.via, { item }));
  return finish(ctx, 'json');
};

function looksJsonl(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0] ?? '';
  try {
    return isObj(JSON.parse(first));
  } catch {
    return false;
  }
}

/** JSONL: one article object per line; blank lines are skipped, a bad line is an issue. */
export const parseJsonl: Parser = (doc, opts) => {
  const out = emptyResult();
  const ctx: Ctx = { doc, opts, out, dropped: 0 };
  const text = jsonText(doc);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      const at = firstJsonError(line);
      const col = (at < 0 ? line.length : at) + 1;
      report(ctx, { code: 'jsonl.syntax', source: doc.name, line: i + 1, message: `invalid JSON at line ${i + 1}, column ${col}: ${shortMessage(e)}` });
      continue;
    }
    addItem(ctx, v, null, { line: i + 1 });
  }
  if (out.articles.length === 0 && out.errors.length === 0) {
    out.errors.push({ code: 'jsonl.empty', source: doc.name, message: 'no JSON lines' });
  }
  return finish(ctx, 'jsonl');
};
