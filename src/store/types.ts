/**
 * The Store: the pipeline's storage contract, owned by the pipeline (not by a backend).
 * Backends live in one folder each (sqlite/, postgres/) and pass the same contract suite
 * (contract.ts). Every method is async so a networked backend fits the same shape.
 * SQLite-only details (FTS5, pragmas, rowids) never appear here.
 *
 * Identity: an article is its canonical URL, else the hash of its normalized content
 * (`articleId` in model/article.ts). A backend also matches an incoming article to a
 * stored one with the same canonical URL (or, without a URL, the same content) even when
 * the incoming id was derived differently; the stored id is kept.
 */
import type { Article } from '../model/article.ts';

export type { UpsertStatus, UpsertResult, SearchQuery, Highlight, SearchHit, SearchResult, ArticleQuery } from '../model/search.ts';
import type { ArticleQuery, SearchQuery, SearchResult, UpsertResult } from '../model/search.ts';

export interface Store {
  /**
   * Inserts or updates a batch in one transaction (all or nothing). Same URL/content →
   * same id; an unchanged article writes nothing; a changed one (same URL, new text or
   * metadata) is replaced and keeps its id. Computed fields (entities, keywords, storyId,
   * duplicateOf) left undefined keep their stored value unless the text changed.
   */
  upsertArticles(articles: Article[]): Promise<UpsertResult[]>;
  getArticle(id: string): Promise<Article | null>;
  /** The stored article with this canonical URL, if any. */
  getArticleByUrl(url: string): Promise<Article | null>;
  listArticles(q?: ArticleQuery): Promise<Article[]>;
  countArticles(): Promise<number>;
  /** Outlets with their article counts, most first. */
  listOutlets(): Promise<Array<{ outlet: string; count: number }>>;
  /** Never throws for a bad query: an empty result with a `notice` instead. */
  search(q: SearchQuery): Promise<SearchResult>;
  close(): Promise<void>;
}
