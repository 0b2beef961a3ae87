/**
 * The analysis an upsert indexes, shared by both backends: the headline's terms and
 * normalized words (re-ranking) and the body's terms, computed once per re-indexed
 * article. With the default analyzer the terms are also attached to the article object
 * (src/arabic attachAnalysis), so the pipeline's story step reuses them instead of
 * analyzing the same title and text again — on SQLite and PostgreSQL alike.
 *
 * Also the analyzer's fingerprint, recorded by each backend beside its index: an index
 * built by a different analyzer (or another version of it) is rebuilt on open.
 */
import { createHash } from 'node:crypto';
import { attachAnalysis, attachedAnalysis } from '../arabic/index.ts';
import type { Article } from '../model/article.ts';
import { defaultAnalyzer, termString, type Analyzer } from '../search/analyzer.ts';
import { encodeSpans } from '../search/spans.ts';

export interface IndexAnalysis {
  /** Headline terms (stems) and normalized unstemmed words, space-joined (the row's title_terms, title_norms). */
  title: { terms: string; norms: string };
  titleTerms: readonly string[];
  textTerms: readonly string[];
  /** The text's term spans for snippets (src/search/spans.ts; SQLite keeps them). */
  textSpans: Uint8Array;
}

/**
 * Analyzes an article's title and text for the index, attaching the result when the analyzer
 * is the default one. A default analysis already attached to the article with the title's
 * norms (`prepareArticle` in src/pipeline, computed by a worker thread of a pooled import)
 * is used as it is, when its title and text are the article's.
 */
export function analyzeForIndex(analyzer: Analyzer, a: Pick<Article, 'title' | 'text'>): IndexAnalysis {
  const pre = analyzer === defaultAnalyzer ? attachedAnalysis(a) : undefined;
  if (pre?.titleNorms && pre.textSpans && pre.title === a.title && pre.text === a.text) {
    return { title: { terms: pre.titleTerms.join(' '), norms: pre.titleNorms.join(' ') }, titleTerms: pre.titleTerms, textTerms: pre.textTerms, textSpans: pre.textSpans };
  }
  const tt = analyzer.terms(a.title);
  const titleTerms = tt.map((t) => t.term);
  const xt = analyzer.terms(a.text);
  const textTerms = xt.map((t) => t.term);
  const textSpans = encodeSpans(a.text, xt);
  if (analyzer === defaultAnalyzer) attachAnalysis(a, { title: a.title, text: a.text, titleTerms, textTerms, textSpans });
  return { title: { terms: titleTerms.join(' '), norms: tt.map((t) => t.norm).join(' ') }, titleTerms, textTerms, textSpans };
}

/** A probe whose analysis changes whenever the analyzer's behaviour does (with its version). */
const PROBE =
  'وأعلنت وزارة الخارجيّة الإيرانية أنّ الرئيس سيزور طهران والرياض، والمملكة العربية السعودية للمستشفيات ' +
  'بالمعلمين فالكتاب كالسيارات للطلاب الـ24 ٢٠١٥ Covid-19 مؤتمرات المسلمون يلعبون سيارتها فلسطين وزير';

export function analyzerFingerprint(a: Analyzer): string {
  const name = a.version ? `${a.name}@${a.version}` : a.name;
  return `${name}:${createHash('sha256').update(termString(a, PROBE)).digest('hex').slice(0, 12)}`;
}
