/**
 * The per-article work of an import that needs no store: enrichment (entities, keywords)
 * and the default analysis of title and text that the upsert indexes and the grouping
 * fingerprints, with the body's fingerprint (src/stories `analysisFingerprint`) and what the
 * upsert hashes (src/store `rowHashes`). A pooled import runs it in worker threads
 * (worker.ts); the writer then attaches each analysis and the hashes to its article and the
 * fingerprint to the analysis again (`reattach`), since what crosses a
 * thread is a structured clone: plain objects, no WeakMap entries. The analysis travels
 * without the title and text it is of (the article carries them; `reattach` puts them back),
 * a quarter of the clone's bytes.
 *
 * Contract: never throws (enrichment failures are returned as the article's issue, as
 * `enrichArticle` does); pure but for the per-spelling memo it fills (src/enrich/tokens.ts
 * `wordInfo`: each spelling's index term is kept there); the analysis is exactly the one the store's
 * `analyzeForIndex` computes with the default analyzer, title norms included, so the
 * result of an import is the same with or without the pool.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { attachAnalysis, isStopword, stem, tokenize, type TextAnalysis, type Token } from '../arabic/index.ts';
import { docTokens, type DocToken } from '../enrich/index.ts';
import { infoOf, wordInfo, type WordInfo } from '../enrich/tokens.ts';
import type { ParseIssue } from '../ingest/index.ts';
import type { Article } from '../model/article.ts';
import { encodeSpans } from '../search/spans.ts';
import { analysisFingerprint, attachFingerprint, type Fingerprint } from '../stories/index.ts';
import { attachRowHashes, rowHashes, type RowHashes } from '../store/rows.ts';
import { enrichArticle } from './enrich.ts';

/** The default analysis of a prepared article, without the title and text it is of (its article's: not sent twice). */
export type PreparedAnalysis = Omit<TextAnalysis, 'title' | 'text'>;

export interface PreparedArticle {
  article: Article;
  analysis: PreparedAnalysis;
  fingerprint: Fingerprint | null;
  /** What the upsert hashes (canonical URL, content and source hashes; src/store/rows.ts). */
  hashes: RowHashes;
  issue: ParseIssue | null;
}

/** Enriches and analyzes one article (outlet names already applied). */
export function prepareArticle(a: Article): PreparedArticle {
  let doc: DocToken[] | undefined;
  try {
    doc = docTokens(a.title ?? '', a.text ?? '');
  } catch {
    doc = undefined; // enrichArticle meets the same failure and reports it
  }
  const { article, issue } = enrichArticle(a, undefined, doc);
  // The default analysis (src/search `defaultAnalyzer`: tokens, stopwords dropped, light
  // stems) of title and text, each token's term read from the word info enrichment fetched
  // for the same spelling (title tokens come first in `doc`, the body's after them).
  const titleTerms: string[] = [];
  const titleNorms: string[] = [];
  const titleCount = analyzeInto(tokenize(a.title), doc, 0, titleTerms, titleNorms, null);
  const textTerms: string[] = [];
  const spans: SpanTerm[] = [];
  analyzeInto(tokenize(a.text), doc, titleCount, textTerms, null, spans);
  const textSpans = encodeSpans(a.text, spans);
  const fingerprint = analysisFingerprint({ title: a.title, text: a.text, titleTerms, textTerms });
  return { article, analysis: { titleTerms, titleNorms, textTerms, textSpans }, fingerprint, hashes: rowHashes(article), issue };
}

interface SpanTerm {
  term: string;
  start: number;
  end: number;
}

/** The index term of a spelling: what `analyzeTokens` gives a token of this norm (null: a stopword, dropped). */
function termOf(w: WordInfo, norm: string): string | null {
  let t = w.term;
  if (t === undefined) t = w.term = isStopword(norm) ? null : stem(norm);
  return t;
}

/**
 * Appends the terms of `toks` (and their norms, their spans) as `analyzeTokens` gives them
 * with the default options; a token's word info is the one of `doc[from + i]` when that
 * token has its spelling, else looked up. Returns the number of tokens read.
 */
function analyzeInto(toks: Token[], doc: DocToken[] | undefined, from: number, terms: string[], norms: string[] | null, spans: SpanTerm[] | null): number {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const d = doc?.[from + i];
    const term = termOf(d !== undefined && d.norm === t.norm ? infoOf(d) : wordInfo(t.norm), t.norm);
    if (term === null) continue;
    terms.push(term);
    norms?.push(t.norm);
    spans?.push({ term, start: t.start, end: t.end });
  }
  return toks.length;
}

/**
 * The serial path's enrichment (`ingest`: the feed poller, `marsad worker`, an import's first
 * articles): each article not in `skip` prepared as a worker thread prepares it and its
 * analysis, fingerprint and hashes attached (`reattach`), so the upsert and the grouping
 * reuse them instead of analyzing and hashing again; articles in `skip` come back as they
 * came. Yields to the event loop between articles (an article costs a few ms): a server
 * polling feeds keeps answering requests while a batch is prepared.
 */
export async function prepareBatch(articles: Article[], skip: ReadonlySet<string>, onIssue?: (i: ParseIssue) => void): Promise<Article[]> {
  const out: Article[] = [];
  let worked = false;
  for (const a of articles) {
    if (skip.has(a.id)) {
      out.push(a);
      continue;
    }
    if (worked) await nextTurn();
    worked = true;
    const p = prepareArticle(a);
    if (p.issue) onIssue?.(p.issue);
    out.push(reattach(p));
  }
  return out;
}

/** The article of a prepared one that crossed a thread, its analysis and row hashes attached again. */
export function reattach(p: PreparedArticle): Article {
  const analysis: TextAnalysis = { title: p.article.title, text: p.article.text, ...p.analysis };
  attachAnalysis(p.article, analysis);
  attachFingerprint(analysis, p.fingerprint);
  attachRowHashes(p.article, p.hashes);
  return p.article;
}
