/**
 * What both backends decide about a read before any SQL is written: page sizes and
 * offsets (capped), date bounds (a bare `to` date covers its whole day), the search
 * filters (dates validated, tags normalized) and the search ranking's tuning. A backend
 * only renders these values into its own SQL, so the two cannot drift apart.
 */
import type { Collapse, Coverage, SearchHit, SearchQuery } from '../model/search.ts';
import { normalizeTag } from './rows.ts';

/**
 * BM25 column weights (title, text) and the re-ranked candidate pool; tuned on bench/search.
 * With `collapse: 'story'` the pool is `candidates` stories (the best by their best copy's
 * BM25), of which at most `copies` copies each (best BM25 first) are re-ranked, and a row
 * names at most `also` more matches under other headlines (copies 8 and also 3: tuned on
 * bench/search's tuning seed, so that the target's headline is on its row as often as in
 * the top 10 articles). `scored`: the most matches a SQLite search scores, its newest (more
 * matches add the older ones holding the query in the headline; 0: every match scored;
 * src/store/sqlite/search.ts, docs/SEARCH.md: 2,000 keeps bench/search's answers), in a
 * store of `boundFrom` articles or more (by the last seq). `part`: the articles a part of the
 * SQLite full-text index holds before the next opens (src/store/sqlite/fts-parts.ts); a store
 * of more than one part scores in its newest parts only (search-parts.ts).
 */
export const FTS_TUNING = { titleWeight: 4, textWeight: 1, candidates: 100, copies: 8, also: 3, scored: 2000, boundFrom: 100_000, part: 100_000 };

/** A listing's page size: 1–1,000, `dflt` when missing or not a number. */
export const limitOf = (n: number | undefined, dflt: number): number => Math.min(1000, Math.max(1, Math.trunc(n ?? dflt) || dflt));
/** A listing's offset: 0–100,000. */
export const offsetOf = (n: number | undefined): number => Math.min(100_000, Math.max(0, Math.trunc(n ?? 0) || 0));
/** A bare date as an upper bound covers its whole day: '2015-07-21\uffff' sorts after every time that day. */
export const upperBound = (to: string): string => (to.length === 10 ? `${to}\uffff` : to);

/** A search page: 1–100 hits (default 10) after `offset`, from a pool of at least FTS_TUNING.candidates. */
export function searchPage(q: Pick<SearchQuery, 'limit' | 'offset'>): { limit: number; offset: number; want: number; pool: number } {
  const limit = Math.min(100, Math.max(1, Math.trunc(q.limit ?? 10) || 10));
  const offset = Math.max(0, Math.trunc(q.offset ?? 0) || 0);
  const want = offset + limit;
  return { limit, offset, want, pool: Math.max(FTS_TUNING.candidates, want) };
}

/** The filters of a search, as values; a backend renders each as one condition on the article. */
export interface SearchFilters {
  outlet?: string;
  /** Inclusive bounds on published_at, ready to compare as strings. */
  from?: string;
  to?: string;
  /** The normalized tag (compared with article_tags.tag). */
  tag?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The search's filters, or the notice that explains why a bound is not a date. */
export function searchFilters(q: SearchQuery): { filters: SearchFilters } | { notice: string } {
  const f: SearchFilters = {};
  if (q.outlet) f.outlet = q.outlet;
  for (const k of ['from', 'to'] as const) {
    const v = q[k];
    if (!v) continue;
    if (!DATE.test(v) || Number.isNaN(Date.parse(v))) return { notice: `Not a date: ${k}=${v.slice(0, 40)} (use YYYY-MM-DD).` };
    f[k] = v.length === 10 ? (k === 'to' ? upperBound(v) : v) : new Date(v).toISOString();
  }
  if (q.tag) f.tag = normalizeTag(q.tag);
  return { filters: f };
}

/**
 * Story collapse ("one row per story, not per copy"), decided once for both backends:
 *
 * - Search: matches are grouped by story (an article not grouped yet is a story of its
 *   own); the pool is the `searchPage().pool` stories whose best copy has the highest BM25
 *   (ties: the smaller key), up to `FTS_TUNING.copies` copies each are re-ranked, and each
 *   story is shown as its best-ranked copy (search/collapse.ts), placed by that copy's
 *   score, naming up to `FTS_TUNING.also` more matches under headlines of their own
 *   (`coverage.also`: a copy another outlet retitled is still on the page); `total` counts stories. Paging is over stories, after collapsing, so a page is
 *   full whenever more stories match; the pool depends on `offset + limit` only as today
 *   (at least 100 stories), so consecutive pages of up to 100 results never repeat or skip
 *   a story.
 * - Lists (outlet, entity, keyword, dates; the Store's newest-first listing): a story is
 *   shown as its earliest listed copy — the likely original among the articles the list
 *   holds, the copy the home page names first — and placed by that copy's date; later
 *   copies never move it, so offsets stay stable while new copies arrive. A copy is listed
 *   when no other article of its story passes the same filters and is earlier
 *   (`earlierSibling`). Collapsing is in the SQL, before LIMIT/OFFSET.
 */
export const collapseOf = (c: string | null | undefined): Collapse => (c === 'story' ? 'story' : 'none');

/** SQL (both dialects): the story key of article alias `a` — its story, else the article itself. */
export const storyKeySql = (a: string): string => `coalesce(${a}.story_id, 'a:' || ${a}.seq)`;

/**
 * SQL (both dialects): article `b` comes before article `a` in the collapse order of lists —
 * published earlier (undated after every dated one), ties broken by the smaller id.
 */
export function earlierSibling(b: string, a: string): string {
  const bp = `${b}.published_at`;
  const ap = `${a}.published_at`;
  return `(${bp} < ${ap} OR (${bp} = ${ap} AND ${b}.id < ${a}.id) OR (${ap} IS NULL AND (${bp} IS NOT NULL OR ${b}.id < ${a}.id)))`;
}

/** What a collapsed row tells about its story, from the story row (absent: not grouped yet). */
export function coverageOf(
  row: { outlet: string | null; story_id: string | null },
  story: { outlets: string; article_count: number } | undefined,
  folded: number,
): Coverage {
  const outlets = story ? (JSON.parse(story.outlets) as string[]) : row.outlet ? [row.outlet] : [];
  return {
    storyId: row.story_id,
    outlets,
    articles: story?.article_count ?? 1,
    moreOutlets: outlets.filter((o) => o !== row.outlet).length,
    folded: Math.max(0, folded),
    also: [],
  };
}

/** What a collapsed search hit's coverage is read from (articles LEFT JOIN stories). */
export interface CoverageRow {
  seq: number;
  id: string;
  title: string;
  outlet: string | null;
  published_at: string | null;
  story_id?: string | null;
  outlets?: string | null;
  article_count?: number | null;
}

/** The seqs a collapsed search page reads: each row's, then its `also` copies'. */
export const pageSeqs = (page: Array<{ seq: number; also?: Array<{ seq: number }> }>): number[] => page.flatMap((c) => [c.seq, ...(c.also ?? []).map((x) => x.seq)]);

/** Sets each hit's coverage (hits in page order, as toHits made them from `rows`). */
export function attachCoverage(hits: SearchHit[], page: Array<{ seq: number; folded?: number; also?: Array<{ seq: number }> }>, rows: ReadonlyMap<number, CoverageRow>): void {
  const byId = new Map(page.map((c) => [rows.get(c.seq)?.id, c]));
  for (const h of hits) {
    const c = byId.get(h.id)!;
    const r = rows.get(c.seq)!;
    const cov = coverageOf({ outlet: r.outlet, story_id: r.story_id ?? null }, r.outlets ? { outlets: r.outlets, article_count: r.article_count ?? 1 } : undefined, c.folded ?? 0);
    for (const x of c.also ?? []) {
      const a = rows.get(x.seq);
      if (a) cov.also.push({ id: a.id, title: a.title, outlet: a.outlet, publishedAt: a.published_at });
    }
    h.coverage = cov;
  }
}
