/**
 * The one place every Article is cleaned at ingest, whatever adapter made it (pages, JSON,
 * feeds, HTML, text dumps; the streamed and the whole-document paths alike), so that what
 * is stored always passes the Article contract (src/model/schema.ts).
 *
 * - Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone
 *   surrogates) and C1 controls are removed from every text field: one such character
 *   in a title made every Atom feed that carried it malformed.
 * - Bidi controls: titles, outlets, vias, authors, tags and read-also titles lose all of
 *   them (U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C): they are one
 *   line, shown in lists beside other text, and an override there makes `gpj.exe` display
 *   as `exe.jpg`; the reader isolates each of them (`dir="auto"`) instead. The body loses
 *   the embeddings, overrides and isolates (they reorder whole runs and can leak past a
 *   paragraph) but keeps the zero-width marks: Arabic text uses RLM/ALM to place
 *   punctuation and numbers beside Latin words, and they cannot reorder strong letters.
 * - `url` (and read-also urls) must be http(s) URLs with a host: `javascript:`, `data:`,
 *   `file:` and any other scheme is dropped with `article.bad_url`. The article is kept
 *   without a url and identified by its content, like any url-less article (a title or a
 *   text always remains: adapters never make an Article without one).
 * - Fields are capped (LIMITS): the body is cut at a paragraph, a title at a word, with
 *   `article.too_large`.
 * The id is recomputed when any of url, title or text changed.
 */
import { articleId, type Article } from '../model/article.ts';
import { BIDI_ANY, BIDI_REORDER, LIMITS, XML_FORBIDDEN } from '../model/schema.ts';

/** A problem found while cleaning one article; the caller adds where it came from. */
export interface ArticleNote {
  code: 'article.bad_url' | 'article.too_large' | 'article.empty';
  message: string;
}

const FORBIDDEN_ALL = new RegExp(XML_FORBIDDEN.source, 'g');
const BIDI_ANY_ALL = new RegExp(BIDI_ANY.source, 'g');
const BIDI_REORDER_ALL = new RegExp(BIDI_REORDER.source, 'g');

/** Text without the characters XML 1.0 forbids and without C1 controls. */
export function stripForbidden(s: string): string {
  return XML_FORBIDDEN.test(s) ? s.replace(FORBIDDEN_ALL, '') : s;
}

/** A one-line field: forbidden characters and all bidi controls removed, whitespace folded. */
export function cleanLine(s: string): string {
  let out = stripForbidden(s);
  if (BIDI_ANY.test(out)) out = out.replace(BIDI_ANY_ALL, '');
  return /\s{2}|[^\S ]|^\s|\s$/.test(out) ? out.replace(/\s+/g, ' ').trim() : out;
}

/** The body: forbidden characters and reordering bidi controls removed; marks kept. */
export function cleanBody(s: string): string {
  let out = stripForbidden(s);
  if (BIDI_REORDER.test(out)) {
    // An embedding often sits between a space and a line break: leave no stray space.
    out = out.replace(BIDI_REORDER_ALL, '').replace(/[^\S\n]*\n[^\S\n]*/g, '\n').replace(/\n{3,}/g, '\n\n').replace(/ {2,}/g, ' ');
  }
  return out.trim();
}

/** The URL when it is an http(s) URL with a host (and not absurdly long), else null. */
export function httpUrl(raw: string | null): string | null {
  if (raw == null) return null;
  const s = stripForbidden(raw).trim();
  if (s === '' || s.length > LIMITS.url) return null;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' ? s : null;
  } catch {
    return null;
  }
}

/** `s` cut to at most `max` characters at the last break before it: the first of `breaks` found in its second half. */
export function cutAt(s: string, max: number, breaks: readonly string[]): string {
  if (s.length <= max) return s;
  let head = s.slice(0, max);
  // Do not split a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  for (const b of breaks) {
    const at = head.lastIndexOf(b);
    if (at > max / 2) return head.slice(0, at).trimEnd();
  }
  return head.trimEnd();
}

/** Where a body is cut: a paragraph, else a line, else a word. */
export const BODY_BREAKS = ['\n\n', '\n', ' '] as const;

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** Names the article in an issue: its title (or opening), else its url. */
export function describe(a: Pick<Article, 'title' | 'text' | 'url'>): string {
  const t = a.title || a.text.slice(0, 60);
  return t ? `«${short(t.replace(/\s+/g, ' '))}»` : (a.url ?? 'untitled article');
}

function line(v: string | null, max: number, field: string, notes: ArticleNote[]): string | null {
  if (v == null) return null;
  let s = cleanLine(v);
  if (s.length > max) {
    notes.push({ code: 'article.too_large', message: `${field} is ${s.length} characters, over the ${max} cap: cut` });
    s = `${cutAt(s, max - 1, [' '])}…`;
  }
  return s === '' ? null : s;
}

/**
 * Cleans one Article (see the module comment). Returns the clean article, or null when
 * nothing identifies it any more (no title and no text), with the notes to report.
 */
export function normalizeArticle(a: Article): { article: Article | null; notes: ArticleNote[] } {
  const notes: ArticleNote[] = [];
  const title = line(a.title, LIMITS.title, 'title', notes) ?? '';
  let text = cleanBody(a.text);
  if (text.length > LIMITS.text) {
    notes.push({ code: 'article.too_large', message: `body is ${text.length} characters, over the ${LIMITS.text} cap: cut at a paragraph` });
    text = cutAt(text, LIMITS.text, BODY_BREAKS);
  }
  // The clean form of the url (control characters out), or null when it is not http(s).
  const url = httpUrl(a.url);
  if (a.url != null && url === null) {
    notes.push({ code: 'article.bad_url', message: `url «${short(stripForbidden(a.url))}» is not an http(s) URL: dropped` });
  }
  if (!title && !text) {
    notes.push({ code: 'article.empty', message: 'neither title nor text remains after cleaning' });
    return { article: null, notes };
  }
  const tags = [...new Set(a.tags.map((t) => line(t, LIMITS.field, 'tag', notes)).filter((t): t is string => t != null))];
  if (tags.length > LIMITS.tags) notes.push({ code: 'article.too_large', message: `${tags.length} tags, over the ${LIMITS.tags} cap: cut` });
  const readAlso = a.readAlso.slice(0, LIMITS.readAlso).flatMap((r) => {
    const t = line(r.title, LIMITS.field, 'read-also title', notes);
    if (r.url != null && httpUrl(r.url) === null) notes.push({ code: 'article.bad_url', message: `read-also url «${short(stripForbidden(r.url))}» is not an http(s) URL: dropped` });
    return t ? [{ title: t, url: httpUrl(r.url) }] : [];
  });
  if (a.readAlso.length > LIMITS.readAlso) notes.push({ code: 'article.too_large', message: `${a.readAlso.length} read-also links, over the ${LIMITS.readAlso} cap: cut` });
  const lang = /^[a-z]{2,3}(?:-[a-z0-9]+)*$/.test(a.lang) ? a.lang : 'und';
  const out: Article = {
    ...a,
    id: url === a.url && title === a.title && text === a.text ? a.id : articleId(url, title, text),
    url,
    title,
    text,
    outlet: line(a.outlet, LIMITS.field, 'outlet', notes),
    via: line(a.via, LIMITS.field, 'via', notes),
    author: line(a.author, LIMITS.field, 'author', notes),
    lang,
    tags: tags.slice(0, LIMITS.tags),
    readAlso,
  };
  return { article: out, notes };
}

/**
 * Cleans the articles of one document, keeping `relatedTo` pointing at the right article
 * when a cleaned article's id changed. `onNote` gets each note with the article it is about.
 */
export function normalizeArticles(articles: Article[], onNote: (note: ArticleNote, about: Article) => void): Article[] {
  const moved = new Map<string, string>();
  const out: Article[] = [];
  for (const a of articles) {
    const r = normalizeArticle(a);
    for (const n of r.notes) onNote(n, a);
    if (!r.article) continue;
    if (r.article.id !== a.id) moved.set(a.id, r.article.id);
    out.push(r.article);
  }
  if (moved.size === 0) return out;
  return out.map((a) => (a.relatedTo && moved.has(a.relatedTo) ? { ...a, relatedTo: moved.get(a.relatedTo)! } : a));
}
