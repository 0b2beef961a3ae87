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
 * The import reuses one article's analysis across stages (`attachAnalysis`): analyzing
 * costs more per article than a stem lookup would save (a memo of stems measured no faster
 * than the light stemmer itself, ≈ 0.25 µs a token).
 */
import { tokenize, type Token } from './tokenize.ts';
import { isStopword } from './stopwords.ts';
import { stemmers, type StemmerName } from './stem.ts';

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
  /**
   * Stem only the tokens whose norm holds one of these strings; the others get the term ''
   * (search snippets ask only which tokens give the query's terms: `Analyzer.probes`).
   */
  stemOnly?: readonly string[];
}

/** Terms with their positions and original spans (stopwords dropped, positions kept). */
export function analyzeTokens(text: string, opts: AnalyzeOptions = {}): Term[] {
  const stem = stemmers[opts.stemmer ?? 'light'];
  const keep = opts.keepStopwords === true;
  const only = opts.stemOnly;
  const toks = tokenize(text);
  const out: Term[] = [];
  for (let pos = 0; pos < toks.length; pos++) {
    const t = toks[pos]!;
    if (!keep && isStopword(t.norm)) continue;
    const term = only === undefined || holdsOne(t.norm, only) ? stem(t.norm) : '';
    // A fresh object of one shape (measured faster than extending the token in place).
    out.push({ surface: t.surface, norm: t.norm, start: t.start, end: t.end, term, pos });
  }
  return out;
}

function holdsOne(norm: string, parts: readonly string[]): boolean {
  for (const p of parts) if (norm.includes(p)) return true;
  return false;
}

/** The index terms of a text, in order. */
export function analyze(text: string, opts: AnalyzeOptions = {}): string[] {
  return analyzeTokens(text, opts).map((t) => t.term);
}

/**
 * One article's default analysis (`analyzeTokens(x)` with default options, as terms),
 * computed by one stage of an import and reused by a later one in the same process: the
 * search index analyzes title and text, the story fingerprints need the same terms.
 */
export interface TextAnalysis {
  title: string;
  text: string;
  titleTerms: readonly string[];
  textTerms: readonly string[];
  /**
   * The title's normalized unstemmed words, one per title term, when the stage that
   * analyzed it kept them (a pooled import's worker thread): the upsert then reuses the
   * whole analysis instead of analyzing the same title and text again.
   */
  titleNorms?: readonly string[];
  /** The text's term spans for search snippets (src/search/spans.ts), when that stage made them. */
  textSpans?: Uint8Array;
}

const attached = new WeakMap<object, TextAnalysis>();

/** Attaches `a` to `holder` (an article object); only default analyses may be attached. */
export function attachAnalysis(holder: object, a: TextAnalysis): void {
  attached.set(holder, a);
}

/** The analysis attached to `holder`, if any. */
export function attachedAnalysis(holder: object): TextAnalysis | undefined {
  return attached.get(holder);
}
