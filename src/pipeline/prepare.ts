/**
 * The per-article work of an import that needs no store: enrichment (entities, keywords)
 * and the default analysis of title and text that the upsert indexes and the grouping
 * fingerprints, with the body's fingerprint (src/stories `analysisFingerprint`) and what the
 * upsert hashes (src/store `rowHashes`). A pooled import runs it in worker threads
 * (worker.ts); the writer then attaches each analysis and the hashes to its article and the
 * fingerprint to the analysis again (`reattach`), since what crosses a
 * thread is a structured clone: plain objects, no WeakMap entries.
 *
 * Contract: pure and never throws (enrichment failures are returned as the article's
 * issue, as `enrichArticle` does); the analysis is exactly the one the store's
 * `analyzeForIndex` computes with the default analyzer, title norms included, so the
 * result of an import is the same with or without the pool.
 */
import { attachAnalysis, type TextAnalysis } from '../arabic/index.ts';
import type { ParseIssue } from '../ingest/index.ts';
import type { Article } from '../model/article.ts';
import { defaultAnalyzer } from '../search/analyzer.ts';
import { encodeSpans } from '../search/spans.ts';
import { analysisFingerprint, attachFingerprint, type Fingerprint } from '../stories/index.ts';
import { attachRowHashes, rowHashes, type RowHashes } from '../store/rows.ts';
import { enrichArticle } from './enrich.ts';

export interface PreparedArticle {
  article: Article;
  analysis: TextAnalysis;
  fingerprint: Fingerprint | null;
  /** What the upsert hashes (canonical URL, content and source hashes; src/store/rows.ts). */
  hashes: RowHashes;
  issue: ParseIssue | null;
}

/** Enriches and analyzes one article (outlet names already applied). */
export function prepareArticle(a: Article): PreparedArticle {
  const { article, issue } = enrichArticle(a);
  const title = defaultAnalyzer.terms(a.title);
  const text = defaultAnalyzer.terms(a.text);
  const analysis: TextAnalysis = {
    title: a.title,
    text: a.text,
    titleTerms: title.map((t) => t.term),
    titleNorms: title.map((t) => t.norm),
    textTerms: text.map((t) => t.term),
    textSpans: encodeSpans(a.text, text),
  };
  return { article, analysis, fingerprint: analysisFingerprint(analysis), hashes: rowHashes(article), issue };
}

/** The article of a prepared one that crossed a thread, its analysis and row hashes attached again. */
export function reattach(p: PreparedArticle): Article {
  attachAnalysis(p.article, p.analysis);
  attachFingerprint(p.analysis, p.fingerprint);
  attachRowHashes(p.article, p.hashes);
  return p.article;
}
