/**
 * Builds a search snippet: the passage of an article's text with the most query terms,
 * cut on word boundaries and copied in the article's ORIGINAL spelling (hamza, harakat,
 * clitics as written), with the UTF-16 ranges of the matched words. Matching is by
 * analyzed term, so `ايران` highlights «وإيران». Runs of whitespace are shown as one
 * space. Plain text out: callers escape it (HTML) and render highlights with
 * `markSnippet`.
 */
import type { Analyzer } from './analyzer.ts';
import { foldSpan } from '../arabic/index.ts';
import type { Highlight, SearchHit } from '../model/search.ts';
import { decodeSpans, StoredTerms, type SpanTerm as Term, type Spans } from './spans.ts';

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
  /** Skip analyzing the chunks the analyzer's probes clear (default true; false analyzes all). */
  probe?: boolean;
  /**
   * The text's term spans kept at ingest (spans.ts), made by this analyzer: read instead of
   * analyzing the text, with the same snippet.
   */
  stored?: Spans | null;
}

/** The window start (index into `terms`) with the most distinct matched terms, and that count. */
function bestWindow(terms: Term[], match: Set<string>, window: number): { start: number; distinct: number } {
  let best = -1;
  let distinct = 0;
  let bestScore = 0;
  const hits: number[] = [];
  for (let i = 0; i < terms.length; i++) if (match.has(terms[i]!.term)) hits.push(i);
  // The distinct terms of a window: a query has a few, kept in a reused array.
  const seen: string[] = [];
  for (const h of hits) {
    // Start the window a few words before the first hit so the match has context.
    const start = Math.max(0, h - 3);
    seen.length = 0;
    let n = 0;
    for (let k = start; k < Math.min(terms.length, start + window); k++) {
      const t = terms[k]!.term;
      if (match.has(t)) {
        n++;
        if (!seen.includes(t)) seen.push(t);
      }
    }
    const score = seen.length * 100 + n;
    if (score > bestScore) {
      bestScore = score;
      best = start;
      distinct = seen.length;
    }
  }
  return { start: best, distinct };
}

const SPACES = /\s+/gu;
const ANY_SPACE = /\s/u;

/** `text[from, to)` with each run of whitespace as one space (most gaps between words are one space already). */
function cleanSlice(text: string, from: number, to: number): string {
  const s = text.slice(from, to);
  if (s === ' ' || (s.length === 2 && !ANY_SPACE.test(s[0]!) && s[1] === ' ')) return s;
  return s.replace(SPACES, ' ');
}

/** A chunk read past without analysis (no query term stands in it), after `prev`. */
interface Skipped {
  prev: Term[] | Skipped;
  from: number;
  to: number;
}

/**
 * The analyzer's probe strings for the query terms (every token giving one of the terms
 * holds one of them), or null when it gives none for some term (then every chunk is
 * analyzed in full).
 */
function probesFor(match: ReadonlySet<string>, analyzer: Analyzer): string[] | null {
  if (!analyzer.probes) return null;
  const needles: string[] = [];
  for (const t of match) {
    const p = analyzer.probes(t);
    if (!p) return null;
    needles.push(...p);
  }
  return needles;
}

/** Whether `text[from, to)` may hold a token giving a query term: the folded span holds a probe. */
function mayHold(text: string, from: number, to: number, needles: readonly string[]): boolean {
  const f = foldSpan(text, from, to);
  return f === null || needles.some((n) => f.includes(n));
}

/**
 * Builds the snippet of `text` for the analyzed query `terms`. A chunk the probe clears
 * (no query term can stand in it) is not analyzed: it cannot change the best window, and
 * its terms are read only if a later chunk needs them as context. The result is the one
 * analyzing every chunk gives (test/search-snippet-probe.test.ts compares them).
 */
export function buildSnippet(text: string, queryTerms: Iterable<string>, analyzer: Analyzer, opts: SnippetOptions = {}): Snippet {
  const window = opts.window ?? 28;
  const chunk = opts.chunk ?? 4000;
  const lead = opts.lead ?? 600;
  const budget = opts.budget ?? 1500;
  const match = new Set(queryTerms);
  // Stored spans need no probes: they are read, not analyzed (what little is, is analyzed whole).
  const needles = opts.probe === false || opts.stored ? null : probesFor(match, analyzer);
  // Only tokens holding a probe can give a query term: the others are not stemmed (term '').
  const termsOf = (x: string): Term[] => (needles && analyzer.probedTerms ? analyzer.probedTerms(x, needles) : analyzer.terms(x));
  const analyzeText = (from: number, to: number): Term[] => {
    const part = termsOf(text.slice(from, to));
    for (const t of part) {
      t.start += from;
      t.end += from;
    }
    return part;
  };
  const stored = opts.stored ? new StoredTerms(text, opts.stored, match, analyzer) : null;
  const analyze = stored ? (from: number, to: number): Term[] => stored.range(from, to, analyzeText) : analyzeText;
  // The last n (1..window) terms read so far, analyzing skipped chunks as needed.
  const lastTerms = (ts: Term[] | Skipped, n: number): Term[] => {
    if (Array.isArray(ts)) return ts.slice(-n);
    const part = analyze(ts.from, ts.to);
    return part.length >= n ? part.slice(-n) : [...lastTerms(ts.prev, n - part.length), ...part];
  };
  let terms: Term[] | Skipped = [];
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
    if (needles && !mayHold(text, base, end, needles)) {
      if (start < 0) terms = { prev: terms, from: base, to: end };
      else {
        // Only the previous chunk's tail can hold a window here (its terms are read: start >= 0).
        const tail = (terms as Term[]).slice(-window);
        const found = bestWindow(tail, match, window);
        if (found.distinct > bestDistinct) {
          terms = [...tail, ...analyze(base, end)];
          start = found.start;
          bestDistinct = found.distinct;
        }
      }
    } else {
      const part = analyze(base, end);
      // Keep the previous chunk's tail for context before a match at the chunk's start.
      const prev: Term[] | Skipped = terms;
      const prevStart = start;
      terms = [...lastTerms(terms, window), ...part];
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
    }
    base = end;
    if (start >= 0 && (bestDistinct >= match.size || base >= budget)) break;
  }
  // No match in the text (a title-only match): the text's opening words.
  const read: Term[] = start < 0 ? analyze(0, Math.min(lead, text.length)) : (terms as Term[]);
  if (start < 0) start = 0;
  const win = read.slice(start, start + window);
  if (win.length === 0) return { snippet: cleanSlice(text, 0, 200).trim(), highlights: [] };
  const first = win[0]!;
  const last = win[win.length - 1]!;
  // Include the line's leading punctuation/stopwords up to the previous term.
  const prevEnd = start > 0 ? read[start - 1]!.end : 0;
  const from = start === 0 && first.start < 80 ? 0 : Math.max(prevEnd, first.start);
  const nextStart = start + window < read.length ? read[start + window]!.start : text.length;
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
  /** The text's term spans kept at ingest (spans.ts), when the backend keeps them. */
  spans?: Uint8Array | null;
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
    const s = snippets ? buildSnippet(r.text, terms, analyzer, { stored: decodeSpans(r.spans, r.text.length) }) : { snippet: '', highlights: [] };
    out.push({ id: r.id, url: r.url, title: r.title, outlet: r.outlet, publishedAt: r.published_at, score: Math.round(c.score * 1000) / 1000, snippet: s.snippet, highlights: s.highlights });
  }
  return out;
}
