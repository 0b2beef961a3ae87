/**
 * CSV exports of search results, timelines, co-mentions and stories together — the same
 * tables for the CLI (`--csv`) and the web (`?format=csv`).
 *
 * Contract: UTF-8 with a byte-order mark (so spreadsheet programs read the Arabic as
 * UTF-8), a header row, RFC 4180 records (CRLF between records; a field holding a comma,
 * a double quote, CR or LF is quoted, quotes doubled) written by csv-stringify. A text
 * cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe so a
 * spreadsheet shows it instead of running it as a formula (OWASP's CSV-injection advice);
 * numbers are written as they are.
 */
import { stringify } from 'csv-stringify/sync';
import type { SearchHit } from '../store/types.ts';
import type { ComentionResult, StoriesTogetherResult, TimelineResult } from '../store/timeline.ts';

export const CSV_TYPE = 'text/csv; charset=utf-8';

type Cell = string | number | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

/** A text cell, defused against formula injection. */
function text(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  return FORMULA.test(v) ? `'${v}` : v;
}

/** Header + rows → the CSV document (BOM, CRLF, RFC 4180 quoting). */
export function toCsv(header: string[], rows: Cell[][]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? c : text(c))));
  // A lone CR or LF is quoted too (csv-stringify quotes only the record delimiter, CRLF, by itself).
  return stringify([header.map(text), ...cells], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { number: (n) => String(n) } });
}

/** One row per bucket: start, each entity's count, then the "all" series. */
export function timelineCsv(t: TimelineResult): string {
  const units = t.unit === 'story' ? 'stories' : 'articles';
  const header = ['start', ...t.entities.map((e) => `${e.name} (${e.id})`), t.entities.length > 1 ? `all (${units} mentioning every entity)` : `all (${units})`];
  return toCsv(header, t.buckets.map((b) => [b.start, ...t.entities.map((e) => b.counts[e.id] ?? 0), b.all]));
}

export function comentionsCsv(c: ComentionResult): string {
  return toCsv(
    ['id', 'name', 'type', 'stories_together', 'stories', 'lift'],
    c.results.map((r) => [r.id, r.name, r.type, r.together, r.stories, r.lift]),
  );
}

export function storiesTogetherCsv(s: StoriesTogetherResult): string {
  return toCsv(
    ['story_id', 'date', 'title', 'outlets', 'articles'],
    s.stories.map((x) => [x.id, x.date, x.title, x.outlets.join(' | '), x.articleIds.length]),
  );
}

/** Search hits; `snippet` is the plain snippet (no highlight marks). With `query`, a first column holds it. */
export function searchCsv(hits: Array<Pick<SearchHit, 'id' | 'title' | 'outlet' | 'publishedAt' | 'url' | 'score' | 'snippet'>>, query?: string): string {
  const q = query === undefined ? [] : [query];
  return toCsv(
    [...(query === undefined ? [] : ['query']), 'id', 'title', 'outlet', 'published_at', 'url', 'score', 'snippet'],
    hits.map((h) => [...q, h.id, h.title, h.outlet, h.publishedAt, h.url, h.score, h.snippet]),
  );
}
