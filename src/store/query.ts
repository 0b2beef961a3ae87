/**
 * What both backends decide about a read before any SQL is written: page sizes and
 * offsets (capped), date bounds (a bare `to` date covers its whole day), the search
 * filters (dates validated, tags normalized) and the search ranking's tuning. A backend
 * only renders these values into its own SQL, so the two cannot drift apart.
 */
import type { SearchQuery } from '../model/search.ts';
import { normalizeTag } from './rows.ts';

/** BM25 column weights (title, text) and the re-ranked candidate pool; tuned on bench/search. */
export const FTS_TUNING = { titleWeight: 4, textWeight: 1, candidates: 100 };

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
