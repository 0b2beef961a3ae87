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

export type UpsertStatus = 'added' | 'updated' | 'unchanged';

export interface UpsertResult {
  /** The stored id (may differ from the incoming one when matched by URL or content). */
  id: string;
  status: UpsertStatus;
}

/** A search request. `q` uses Marsad's query syntax (phrases, -exclusion, OR). */
export interface SearchQuery {
  q: string;
  outlet?: string | null;
  /** ISO dates or date-times, inclusive bounds on publishedAt (a bare date covers its whole day). */
  from?: string | null;
  to?: string | null;
  /** A tag the source gave; matched after normalization (`ايران` finds `إيران`). */
  tag?: string | null;
  /** 1–100, default 10. */
  limit?: number;
  offset?: number;
  /** Favour recent articles in the ranking. */
  recency?: boolean;
}

/** A [start, end) range of UTF-16 offsets into `SearchHit.snippet`. */
export type Highlight = [number, number];

export interface SearchHit {
  id: string;
  url: string | null;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  /** Higher is better; only comparable within one result list. */
  score: number;
  /** Plain text around the matches, in the article's original spelling (see search/snippet.ts). */
  snippet: string;
  /** Where the matched words are in `snippet`; render with `markSnippet` (search/snippet.ts). */
  highlights: Highlight[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches in all (for pagination). */
  total: number;
  /** A message for the user when the query was empty after analysis, malformed, or relaxed. */
  notice?: string;
}

/** Newest-first listing filters; `before` is a keyset cursor. */
export interface ArticleQuery {
  outlet?: string | null;
  from?: string | null;
  to?: string | null;
  limit?: number;
  before?: { publishedAt: string | null; id: string } | null;
}

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
