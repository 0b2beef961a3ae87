/**
 * What a store is asked and answers, shared by every layer that speaks to one: upsert
 * results, search requests and hits, and the newest-first listing's filters. Plain data
 * types only; the Store interface itself is src/store/types.ts.
 */

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
  /** false: hits carry an empty snippet, not built (callers that print none, e.g. Atom feeds). Default true. */
  snippets?: boolean;
  /**
   * 'story': one hit per story — its best-ranked matching copy, with `coverage` — and
   * `total` counts stories; 'none' (the default): one hit per matching article.
   */
  collapse?: Collapse;
}

/** How a list treats the copies of one story: one row per story ('story') or per article ('none'). */
export type Collapse = 'story' | 'none';

/**
 * What a row of a story-collapsed list stands for (src/store/query.ts decides which copy
 * is shown): the story, its outlets, and how many of the list's own rows it folds.
 */
export interface Coverage {
  /** The story's id; null for an article not grouped yet (a story of its own). */
  storyId: string | null;
  /** Every outlet that carried the story, in order of first publication. */
  outlets: string[];
  /** Articles in the story. */
  articles: number;
  /** Outlets besides the shown copy's: "and N more outlets". */
  moreOutlets: number;
  /** Other articles of this list (search matches, listed articles) folded into this row. */
  folded: number;
  /**
   * Search only: up to three more folded matches, best first, each under a headline of its
   * own (a copy retitled by another outlet, another report of the story); lists: empty.
   */
  also: Array<{ id: string; title: string; outlet: string | null; publishedAt: string | null }>;
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
  /** With `collapse: 'story'` only: the story this hit stands for. */
  coverage?: Coverage;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches in all (for pagination): articles, or stories with `collapse: 'story'`. */
  total: number;
  /**
   * `total` is an estimate: with `collapse: 'story'` on a query with more matches than a search
   * scores (FTS_TUNING.scored), the stories among the matches scored, scaled to every match.
   */
  approximate?: boolean;
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
