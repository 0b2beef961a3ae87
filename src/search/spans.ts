/**
 * An article body's term spans, kept at ingest so that a search snippet reads positions
 * instead of analyzing text (src/search/snippet.ts): for every term of the text (stopwords
 * dropped, as `Analyzer.terms` gives them) its UTF-16 span and a 16-bit hash of the term.
 * A snippet matches a query term by hash and confirms each hash match by analyzing that
 * one word, so a collision never changes a snippet; the words that match nothing are never
 * analyzed.
 *
 * Format (version 1), about 4 bytes a term: byte 1 the version; varints: the text's length,
 * the number of terms; then per term the gap from the previous term's end (from 0 for the
 * first), the term's length, and its hash as two bytes (little-endian). A blob whose version
 * or text length is not the one expected is ignored (`decodeSpans` gives null): the snippet
 * then analyzes the text as before.
 */
import { isSeparatorAt } from '../arabic/index.ts';
import type { Term } from './analyzer.ts';

export const SPANS_VERSION = 1;

/** FNV-1a over the term's UTF-16 code units, folded to 16 bits. */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> 16)) & 0xffff;
}

/** The spans of `text`'s terms (`terms` as `Analyzer.terms(text)` gave them, in order). */
export function encodeSpans(text: string, terms: ReadonlyArray<Pick<Term, 'term' | 'start' | 'end'>>): Uint8Array {
  const out = new Uint8Array(11 + terms.length * 8);
  let n = 0;
  const varint = (v: number): void => {
    while (v >= 0x80) {
      out[n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[n++] = v;
  };
  out[n++] = SPANS_VERSION;
  varint(text.length);
  varint(terms.length);
  let prev = 0;
  for (const t of terms) {
    if (t.start < prev || t.end < t.start) throw new Error(`encodeSpans: terms out of order at ${t.start}`);
    varint(t.start - prev);
    varint(t.end - t.start);
    const h = termHash(t.term);
    out[n++] = h & 0xff;
    out[n++] = h >>> 8;
    prev = t.end;
  }
  return out.slice(0, n);
}

/** Decoded spans: term i spans `[starts[i], ends[i])` and its term hashes to `hashes[i]`. */
export interface Spans {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Uint16Array;
}

/** The spans in `blob`, or null when it is missing, of another version, or not made from a text of `textLength`. */
export function decodeSpans(blob: Uint8Array | null | undefined, textLength: number): Spans | null {
  if (!blob || blob.length < 3 || blob[0] !== SPANS_VERSION) return null;
  const size = blob.length;
  let n = 1;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      if (n >= size) return -1;
      const b = blob[n++]!;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  };
  if (varint() !== textLength) return null;
  const count = varint();
  if (count < 0 || count > size) return null;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const hashes = new Uint16Array(count);
  let prev = 0;
  for (let i = 0; i < count; i++) {
    // Gaps and lengths are short: most are one byte, read inline (a longer one through varint).
    let gap = n < size ? blob[n]! : -1;
    if (gap >= 0x80) gap = varint();
    else n++;
    let len = n < size ? blob[n]! : -1;
    if (len >= 0x80) len = varint();
    else n++;
    if (gap < 0 || len < 0 || n + 2 > size) return null;
    const start = prev + gap;
    starts[i] = start;
    prev = ends[i] = start + len;
    hashes[i] = blob[n]! | (blob[n + 1]! << 8);
    n += 2;
  }
  return prev <= textLength ? { count, starts, ends, hashes } : null;
}

/** A term of a snippet: its span in the text and its term (stored spans give '' for a term no query term is). */
export interface SpanTerm {
  term: string;
  start: number;
  end: number;
}

/** Whitespace: a separator at which the tokenizer starts afresh (no number or clitic runs through it). */
const isSpaceCode = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0;

/**
 * The terms of ranges of one text for a snippet, read from its stored spans: `range(from,
 * to, analyze)` is what `analyze(from, to)` — the analyzer's terms of `text.slice(from, to)`,
 * offsets in `text` — gives, as far as query terms go (each other term is ''). Spans are
 * read where a cut leaves the text's tokens as they are: a cut inside a word, or before a
 * word or number character, is read by analyzing from the last whitespace before it (the
 * tokenizer starts afresh after whitespace); a term running over `from` sends the whole
 * range to `analyze`. test/search-snippet-spans.test.ts compares both on real articles.
 */
export class StoredTerms {
  private readonly hashes = new Set<number>();
  private readonly memo = new Map<number, string>();

  constructor(
    private readonly text: string,
    private readonly spans: Spans,
    private readonly match: ReadonlySet<string>,
    private readonly analyzer: { terms(text: string): ReadonlyArray<{ term: string }> },
  ) {
    for (const t of match) this.hashes.add(termHash(t));
  }

  /** Term i's term when it is a query term, else '': a hash match is confirmed by analyzing that one word. */
  private termAt(i: number): string {
    const s = this.spans;
    if (!this.hashes.has(s.hashes[i]!)) return '';
    let t = this.memo.get(i);
    if (t === undefined) {
      const ts = this.analyzer.terms(this.text.slice(s.starts[i], s.ends[i]));
      t = ts.length === 1 && this.match.has(ts[0]!.term) ? ts[0]!.term : '';
      this.memo.set(i, t);
    }
    return t;
  }

  range(from: number, to: number, analyze: (from: number, to: number) => SpanTerm[]): SpanTerm[] {
    const { text, spans: s } = this;
    // The first term starting at or after `from` (binary search).
    let lo = 0;
    let hi = s.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s.starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && s.ends[lo - 1]! > from) return analyze(from, to);
    let end = lo;
    while (end < s.count && s.ends[end]! <= to) end++;
    let cut = to;
    const straddles = end < s.count && s.starts[end]! < to;
    if (straddles || !isSeparatorAt(text, to)) {
      // Text from the last whitespace before `to` is analyzed; a term ending at `to` may
      // read as another word without what follows it.
      cut = -1;
      for (let i = to - 1; i >= from; i--) {
        if (isSpaceCode(text.charCodeAt(i))) {
          cut = i;
          break;
        }
      }
      if (cut < 0) return analyze(from, to);
      while (end > lo && s.ends[end - 1]! > cut) end--;
    }
    const out: SpanTerm[] = [];
    for (let i = lo; i < end; i++) out.push({ term: this.termAt(i), start: s.starts[i]!, end: s.ends[i]! });
    if (cut < to) for (const t of analyze(cut, to)) out.push(t);
    return out;
  }
}
