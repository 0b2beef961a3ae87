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
