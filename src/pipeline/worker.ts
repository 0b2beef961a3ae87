/**
 * A worker thread of the pooled import (pool.ts, run by piscina): prepares one batch —
 * enrichment and analysis of each article (prepare.ts) — and returns it by structured clone.
 * It reads the gazetteer and the keyword statistics once, on its first batch.
 */
import type { Article } from '../model/article.ts';
import { prepareArticle, type PreparedArticle } from './prepare.ts';

export default function prepareBatch(articles: Article[]): PreparedArticle[] {
  return articles.map(prepareArticle);
}
