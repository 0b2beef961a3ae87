/**
 * From text to index terms: tokenize → normalize → drop stopwords → stem. The one path
 * used for indexing, queries, tagging and duplicate detection.
 *
 * Contract: `analyzeTokens` keeps each term's position among ALL tokens (stopwords
 * included), so a phrase or proximity query matches across a dropped stopword exactly as
 * it would in the text; it also keeps the original surface and UTF-16 offsets for
 * highlighting. The stemmer defaults to the light stemmer; pass the same choice when
 * indexing and querying.
 *
 * Speed (bench/ingest): stemmers are pure functions of the normalized token and word
 * frequencies are Zipfian, so each stemmer's results are memoized (`cachedStemmer`,
 * bounded); the output is unchanged.
 */
import { tokenize, type Token } from './tokenize.ts';
import { isStopword } from './stopwords.ts';
import { stemmers, type Stemmer, type StemmerName } from './stem.ts';

export interface Term extends Token {
  /** The index term (normalized and stemmed). */
  term: string;
  /** Position among all tokens (stopwords included), for phrases and proximity. */
  pos: number;
}

export interface AnalyzeOptions {
  /** Which stemmer makes the terms (default 'light'). */
  stemmer?: StemmerName;
  /** Keep stopwords as terms (default false), e.g. for exact-phrase checks. */
  keepStopwords?: boolean;
}

/** Distinct tokens remembered per stemmer before the memo starts over (bounds memory). */
const STEM_MEMO_MAX = 200_000;
const stemMemos = new Map<Stemmer, Stemmer>();

/** `stem` with its results remembered (same output; for pure stemmers only). */
export function cachedStemmer(stem: Stemmer): Stemmer {
  let f = stemMemos.get(stem);
  if (!f) {
    const memo = new Map<string, string>();
    f = (norm) => {
      let s = memo.get(norm);
      if (s === undefined) {
        if (memo.size >= STEM_MEMO_MAX) memo.clear();
        memo.set(norm, (s = stem(norm)));
      }
      return s;
    };
    stemMemos.set(stem, f);
  }
  return f;
}

/** Terms with their positions and original spans (stopwords dropped, positions kept). */
export function analyzeTokens(text: string, opts: AnalyzeOptions = {}): Term[] {
  const stem = cachedStemmer(stemmers[opts.stemmer ?? 'light']);
  const keep = opts.keepStopwords === true;
  const toks = tokenize(text);
  const out: Term[] = [];
  for (let pos = 0; pos < toks.length; pos++) {
    const t = toks[pos]!;
    if (!keep && isStopword(t.norm)) continue;
    // A fresh object of one shape (measured faster than extending the token in place).
    out.push({ surface: t.surface, norm: t.norm, start: t.start, end: t.end, term: stem(t.norm), pos });
  }
  return out;
}

/** The index terms of a text, in order. */
export function analyze(text: string, opts: AnalyzeOptions = {}): string[] {
  return analyzeTokens(text, opts).map((t) => t.term);
}
