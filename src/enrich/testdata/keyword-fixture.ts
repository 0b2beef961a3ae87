/**
 * The keyword tests' articles: a testdata JSON file of whole articles (`{ articles: [{ id,
 * title, text }] }`, source and licence in each file) by id, and their keywords with the
 * shipped term statistics.
 */
import { readFileSync } from 'node:fs';
import { analyzeEntities, extractKeywords, shippedTermStats, type TermStats } from '../index.ts';

export interface FixtureArticle {
  id: string;
  title: string;
  text: string;
}

export function keywordFixture(file: string): {
  articles: Map<string, FixtureArticle>;
  stats: ReturnType<typeof shippedTermStats>;
  kw: (id: string) => string[];
  /** Keywords from the same table without its focus share (keywords.ts FOCUS_SHARE): for a test of another rule on a phrase that one holds back. */
  kwUnfocused: (id: string) => string[];
} {
  const stats = shippedTermStats();
  const unfocused: TermStats = { docCount: stats.docCount, df: (k) => stats.df(k) };
  const list = (JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as { articles: FixtureArticle[] }).articles;
  const articles = new Map(list.map((a) => [a.id, a]));
  return { articles, stats, kw: (id) => extractKeywords(articles.get(id)!, stats), kwUnfocused: (id) => extractKeywords(articles.get(id)!, unfocused) };
}

/** The keywords of a sentence or two (as the pipeline makes them: entities first, the shipped table). */
export function keywordsOf(text: string, title = ''): string[] {
  return extractKeywords({ title, text }, shippedTermStats(), { entities: analyzeEntities({ title, text }) });
}

/** The norms a sentence's entities cover (what keyword-events.ts finders are given). */
export function coveredNorms(text: string): Set<string> {
  return new Set(analyzeEntities({ title: '', text }).flatMap((e) => e.coveredNorms));
}
