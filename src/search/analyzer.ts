/**
 * The analyzer a search index is built with: a name (recorded in the index, so a store
 * notices when its terms were made by another analyzer) and a function from text to terms
 * with their original spans. Indexing and querying must use the same one.
 */
import { analyzeTokens, type Term } from '../arabic/index.ts';
import { LIGHT_STEMMER_VERSION, lightStemProbes } from '../arabic/stem/light.ts';

export type { Term };

export interface Analyzer {
  /** Identifies the analyzer in an index's metadata, e.g. `light`. */
  readonly name: string;
  /** Changes whenever the analyzer's output may change (word lists, rules); optional. */
  readonly version?: string;
  /** Terms in order, stopwords dropped, each with its surface span in `text`. */
  terms(text: string): Term[];
  /**
   * Strings of which every token normalized to a norm that gives `term` holds one (a
   * cheap test that a stretch of text cannot hold the term: `foldSpan`), or null when the
   * analyzer cannot tell; absent, likewise.
   */
  probes?(term: string): string[] | null;
  /**
   * `terms(text)`, except that a token whose norm holds none of `probes` gets the term ''
   * unstemmed (it cannot give a term those probes were asked for); with `probes`.
   */
  probedTerms?(text: string, probes: readonly string[]): Term[];
}

export type StemmerChoice = NonNullable<NonNullable<Parameters<typeof analyzeTokens>[1]>['stemmer']>;

/** Marsad's analyzer (normalization, stopwords) with the given stemmer. */
export function analyzerFor(stemmer: StemmerChoice): Analyzer {
  const version = stemmer === 'light' ? LIGHT_STEMMER_VERSION : undefined;
  const terms = (text: string): Term[] => analyzeTokens(text, { stemmer });
  const probedTerms = (text: string, probes: readonly string[]): Term[] => analyzeTokens(text, { stemmer, stemOnly: probes });
  if (stemmer === 'light') return { name: `marsad-${stemmer}`, version, terms, probes: lightStemProbes, probedTerms };
  // Without stemming a term is the norm itself.
  if (stemmer === 'none') return { name: `marsad-${stemmer}`, version, terms, probes: (t) => (/[\d.]/u.test(t) || t === '' ? null : [t]), probedTerms };
  return { name: `marsad-${stemmer}`, version, terms };
}

/** Marsad's analyzer: normalization, stopwords, light stemming (src/arabic). */
export const defaultAnalyzer: Analyzer = analyzerFor('light');

/** A headline's terms (stems) and normalized unstemmed words, each joined by spaces. */
export function titleStrings(analyzer: Analyzer, title: string): { terms: string; norms: string } {
  const ts = analyzer.terms(title);
  return { terms: ts.map((t) => t.term).join(' '), norms: ts.map((t) => t.norm).join(' ') };
}

/** The analyzed terms of `text`, joined by single spaces: what an FTS column stores. */
export function termString(analyzer: Analyzer, text: string): string {
  const terms = analyzer.terms(text);
  let s = '';
  for (let i = 0; i < terms.length; i++) s += (i ? ' ' : '') + terms[i]!.term;
  return s;
}
