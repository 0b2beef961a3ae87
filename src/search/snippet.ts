/**
 * Builds a search snippet: the passage of an article's text with the most query terms,
 * cut on word boundaries and copied in the article's ORIGINAL spelling (hamza, harakat,
 * clitics as written), with the UTF-16 ranges of the matched words. Matching is by
 * analyzed term, so `ايران` highlights «وإيران». Runs of whitespace are shown as one
 * space. Plain text out: callers escape it (HTML) and render highlights with
 * `markSnippet`.
 */
import type { Analyzer, Term } from './analyzer.ts';
import type { Highlight, SearchHit } from '../model/search.ts';

export interface Snippet {
  snippet: string;
  highlights: Highlight[];
}

export interface SnippetOptions {
  /** Words (non-stopword terms) in the window; default 28. */
  window?: number;
  /** Characters analyzed first (most matches are in the lead); default 600. */
  lead?: number;
  /** Once a match is found, reading stops when a window holds every query term or after
   * this many characters; default 1500. */
  budget?: number;
  /** Characters analyzed per further chunk while no match is found; default 4000. */
  chunk?: number;
}

/** The window start (index into `terms`) with the most distinct matched terms, and that count. */
function bestWindow(terms: Term[], match: Set<string>, window: number): { start: number; distinct: number } {
  let best = -1;
  let distinct = 0;
  let bestScore = 0;
  const hits: number[] = [];
  for (let i = 0; i < terms.length; i++) if (match.has(terms[i]!.term)) hits.push(i);
  for (const h of hits) {
    // Start the window a few words before the first hit so the match has context.
    const start = Math.max(0, h - 3);
    const seen = new Set<string>();
    let n = 0;
    for (let k = start; k < Math.min(terms.length, start + window); k++) {
      const t = terms[k]!.term;
      if (match.has(t)) {
        n++;
        seen.add(t);
      }
    }
    const score = seen.size * 100 + n;
    if (score > bestScore) {
      bestScore = score;
      best = start;
      distinct = seen.size;
    }
  }
  return { start: best, distinct };
}

/** Cuts on a space boundary after at most `max` characters. */
function cleanSlice(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(/\s+/gu, ' ');
}

/** Builds the snippet of `text` for the analyzed query `terms`. */
export function buildSnippet(text: string, queryTerms: Iterable<string>, analyzer: Analyzer, opts: SnippetOptions = {}): Snippet {
  const window = opts.window ?? 28;
  const chunk = opts.chunk ?? 4000;
  const lead = opts.lead ?? 600;
  const budget = opts.budget ?? 1500;
  const match = new Set(queryTerms);
  let terms: Term[] = [];
  let base = 0;
  let start = -1;
  let bestDistinct = 0;
  // Analyze chunk by chunk (cut at whitespace): most matches are in the lead.
  while (base < text.length) {
    let end = Math.min(text.length, base + (base === 0 ? lead : start >= 0 ? budget - base : chunk));
    if (end < text.length) {
      const ws = text.lastIndexOf(' ', end);
      if (ws > base) end = ws;
    }
    const part = analyzer.terms(text.slice(base, end));
    // Keep the previous chunk's tail for context before a match at the chunk's start.
    const tail = terms.slice(-window);
    for (const t of part) {
      t.start += base;
      t.end += base;
    }
    const prev = terms;
    const prevStart = start;
    terms = [...tail, ...part];
    const found = bestWindow(terms, match, window);
    // Keep an earlier window unless this chunk's is better; stop once a window holds every
    // query term, or a match is found and `budget` characters were read.
    if (prevStart >= 0 && found.distinct <= bestDistinct) {
      terms = prev;
      start = prevStart;
    } else if (found.start >= 0) {
      start = found.start;
      bestDistinct = found.distinct;
    }
    base = end;
    if (start >= 0 && (bestDistinct >= match.size || base >= budget)) break;
  }
  if (start < 0) {
    // No match in the text (a title-only match): the text's opening words.
    terms = analyzer.terms(text.slice(0, lead));
    start = 0;
  }
  const win = terms.slice(start, start + window);
  if (win.length === 0) return { snippet: cleanSlice(text, 0, 200).trim(), highlights: [] };
  const first = win[0]!;
  const last = win[win.length - 1]!;
  // Include the line's leading punctuation/stopwords up to the previous term.
  const prevEnd = start > 0 ? terms[start - 1]!.end : 0;
  const from = start === 0 && first.start < 80 ? 0 : Math.max(prevEnd, first.start);
  const nextStart = start + window < terms.length ? terms[start + window]!.start : text.length;
  let out = from > 0 ? '… ' : '';
  const highlights: Highlight[] = [];
  let cursor = from;
  for (const t of win) {
    out += cleanSlice(text, cursor, t.start);
    if (match.has(t.term)) {
      highlights.push([out.length, out.length + (t.end - t.start)]);
    }
    out += text.slice(t.start, t.end);
    cursor = t.end;
  }
  // Trailing stopwords/punctuation up to the next term, then an ellipsis if cut.
  const trail = cleanSlice(text, cursor, Math.min(nextStart, cursor + 40)).replace(/\s+$/u, '');
  out += trail;
  if (cursor + trail.length < text.length - 1 && last.end < text.length) out += ' …';
  return { snippet: out.replace(/^\s+/u, ''), highlights: shiftIfTrimmed(out, highlights) };
}

function shiftIfTrimmed(out: string, h: Highlight[]): Highlight[] {
  const lead = out.length - out.replace(/^\s+/u, '').length;
  return lead ? h.map(([a, b]) => [a - lead, b - lead] as Highlight) : h;
}

/** Wraps each highlighted range in `open`/`close`, e.g. `[`/`]` or `<mark>`/`</mark>` after escaping. */
export function markSnippet(s: Snippet, open = '[', close = ']', escape: (x: string) => string = (x) => x): string {
  let out = '';
  let at = 0;
  for (const [a, b] of s.highlights) {
    out += escape(s.snippet.slice(at, a)) + open + escape(s.snippet.slice(a, b)) + close;
    at = b;
  }
  return out + escape(s.snippet.slice(at));
}

/** The stored fields a search hit is built from (the same in every backend). */
export interface HitSource {
  id: string;
  url: string | null;
  title: string;
  outlet: string | null;
  published_at: string | null;
  text: string;
}

/**
 * Search hits for a ranked page of candidates: each candidate's stored row (looked up by
 * `key`), its score rounded to 3 decimals, and a snippet of its text around the query terms
 * (empty when `snippets` is false).
 */
export function toHits<C extends { score: number }, K>(page: readonly C[], key: (c: C) => K, rows: ReadonlyMap<K, HitSource>, queryTerms: Iterable<string>, analyzer: Analyzer, snippets = true): SearchHit[] {
  const terms = [...queryTerms];
  const out: SearchHit[] = [];
  for (const c of page) {
    const r = rows.get(key(c));
    if (!r) continue;
    const s = snippets ? buildSnippet(r.text, terms, analyzer) : { snippet: '', highlights: [] };
    out.push({ id: r.id, url: r.url, title: r.title, outlet: r.outlet, publishedAt: r.published_at, score: Math.round(c.score * 1000) / 1000, snippet: s.snippet, highlights: s.highlights });
  }
  return out;
}
