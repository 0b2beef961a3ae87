/**
 * Scoring over the full-text index's parts (fts-parts.ts, docs/SEARCH.md "The index in
 * parts"), for a store of more than one part. FTS5's BM25 walks each query phrase's whole
 * doclist in the table it scores, so BM25 scores only in the window: the newest parts, until
 * they cover FTS_TUNING.part articles, at most the newest `cap` matches there. Older matches
 * follow unscored: those holding the query in the headline first (FTS5's column filter; as
 * good as the best score when the query has no alternatives), newest first; then the others,
 * newest first, up to `cap` matches in all — a rare query still shows every match, its total
 * exact. Past `cap` matches read the total is estimated from how densely they fall (no count
 * walks every part). With `cap` 0 every match of every part is scored (each by its part's
 * BM25: parts of the same news read alike), the exact answer to compare against.
 */
import type Database from 'better-sqlite3';
import type { ParsedQuery } from '../../search/query.ts';
import { FTS_TUNING } from '../query.ts';
import type { FtsPart } from './fts-parts.ts';

/** A statement by SQL text (SqliteSearch's cache). */
export type Prepare = <P, R>(sql: string) => Database.Statement<P[], R>;

/** The search filters rendered as conditions on `a` (search.ts). */
export interface PartFilters {
  sql: string;
  params: Record<string, string>;
}

export interface PartsScored {
  /** `[seq, base]`, the scored best first, then the unscored. */
  rows: Array<[number, number]>;
  total: number;
  /** Some matches were neither scored nor listed: `total` is estimated (the matches read, scaled to the store by the seqs they span). */
  bounded: boolean;
}

/** The FROM … WHERE of a match in FTS table `t`, filtered (`a`: the article row, joined when a filter needs it). */
export const ftsFrom = (t: string, f: PartFilters): string => `FROM ${t}${f.sql ? ` JOIN articles a ON a.seq = ${t}.rowid` : ''} WHERE ${t} MATCH @match${f.sql}`;

/** How many articles of `parts` match. */
export function countParts(prepare: Prepare, parts: readonly FtsPart[], match: string, f: PartFilters): number {
  let n = 0;
  for (const { name: t } of parts) n += prepare<Record<string, string>, number>(`SELECT count(*) ${ftsFrom(t, f)}`).pluck().get({ ...f.params, match })!;
  return n;
}

/** Up to `n` matches of `parts` (newest first), newest first, below seq `below` (null: any). */
function listed(prepare: Prepare, parts: readonly FtsPart[], params: Record<string, string | number>, f: PartFilters, n: number, below: number | null, value: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const { name: t, first } of parts) {
    if (out.length >= n) break;
    if (below !== null && first >= below) continue;
    const range = below === null ? '' : ` AND ${t}.rowid < @below`;
    const seqs = prepare<Record<string, string | number>, number>(`SELECT ${t}.rowid ${ftsFrom(t, f)}${range} ORDER BY ${t}.rowid DESC LIMIT ${n - out.length}`)
      .pluck()
      .all(below === null ? params : { ...params, below });
    for (const s of seqs) out.push([s, value]);
  }
  return out;
}

/**
 * Up to `n` older matches holding the query in the headline, newest first, below seq `below`:
 * from article_titles (the headlines alone), or — a query with NOT words, which hold in the
 * body too — by FTS5's column filter on the parts (`q.titleMatch`).
 */
export function titledRows(
  prepare: Prepare,
  parts: readonly FtsPart[],
  q: { p: ParsedQuery; match: string; titleMatch: string },
  f: PartFilters,
  n: number,
  below: number,
  value: number,
): Array<[number, number]> {
  if (q.p.not.length) return listed(prepare, parts, { ...f.params, match: q.titleMatch }, f, n, below, value);
  const t = 'article_titles';
  const sql = `SELECT ${t}.rowid, ${value} ${ftsFrom(t, f)} AND ${t}.rowid < @below ORDER BY ${t}.rowid DESC LIMIT ${n}`;
  return prepare<Record<string, string | number>, [number, number]>(sql).raw(true).all({ ...f.params, match: q.match, below }) as unknown as Array<[number, number]>;
}

/**
 * The matches of `match` in `parts` (newest first; `maxSeq` the store's last seq), scored as
 * the module says, at most `keep` scored and `keep` unscored (null: every one read).
 * `titleMatch`: the query in the headline column.
 */
export function scoredParts(
  prepare: Prepare,
  parts: readonly FtsPart[],
  maxSeq: number,
  q: { p: ParsedQuery; match: string; titleMatch: string },
  f: PartFilters,
  keep: number | null,
  cap: number,
): PartsScored {
  const { titleWeight: wt, textWeight: wx, part: size } = FTS_TUNING;
  const params: Record<string, string | number> = { ...f.params, match: q.match };
  const score = (t: string, limit: string) =>
    prepare<Record<string, string | number>, [number, number]>(`SELECT ${t}.rowid, -bm25(${t}, ${wt}, ${wx}) ${ftsFrom(t, f)}${limit}`).raw(true).all(params) as unknown as Array<[number, number]>;
  const byBase = (a: [number, number], b: [number, number]) => b[1] - a[1] || a[0] - b[0];
  if (!(cap > 0)) {
    const rows = parts.flatMap((p) => score(p.name, '')).sort(byBase);
    return { rows: keep === null ? rows : rows.slice(0, keep), total: rows.length, bounded: false };
  }
  // The window: the newest parts until they cover `size` articles, newest matches first.
  const rows: Array<[number, number]> = [];
  let i = 0;
  while (i < parts.length && rows.length < cap) {
    const covered = maxSeq + 1 - parts[i]!.first;
    for (const r of score(parts[i]!.name, ` ORDER BY ${parts[i]!.name}.rowid DESC LIMIT ${cap - rows.length}`)) rows.push(r);
    i++;
    if (covered >= size) break;
  }
  const older = parts.slice(i);
  const full = rows.length >= cap;
  const oldest = rows.reduce((m, r) => Math.min(m, r[0]), maxSeq + 1);
  rows.sort(byBase);
  if (!full && older.length === 0) return { rows: keep === null ? rows : rows.slice(0, keep), total: rows.length, bounded: false };
  const best = rows[0]?.[1] ?? 0;
  if (best > 0) for (const r of rows) r[1] /= best;
  const scored = keep === null ? rows : rows.slice(0, keep);
  const want = keep ?? cap;
  // (Every query word in the headline is worth the best base; one of several alternatives, as
  // a relaxed query asks, is not.)
  const head = q.p.groups.every((g) => g.length === 1) ? 1 : 0;
  // The older matches holding the query in the headline, newest first.
  const titled = titledRows(prepare, parts, q, f, want, oldest, head);
  // Matches past those read are estimated from how densely the newest ones fall.
  const estimate = (seen: number, lo: number) => Math.max(seen, Math.round((seen * maxSeq) / Math.max(1, maxSeq + 1 - lo)));
  if (full) return { rows: scored.concat(titled), total: estimate(rows.length, oldest), bounded: true };
  // Fewer than `cap` in the window: the older matches, every one while they are fewer than
  // `cap` in all, after the headline holders.
  const room = cap - rows.length;
  const old = listed(prepare, older, params, f, room + 1, null, 0);
  const over = old.length > room;
  if (over) old.pop();
  const holders = new Set(titled.map((r) => r[0]));
  const unscored = titled.concat(old.filter((r) => !holders.has(r[0])));
  return {
    rows: scored.concat(keep === null ? unscored : unscored.slice(0, keep)),
    total: over ? estimate(rows.length + old.length, old[old.length - 1]![0]) : rows.length + old.length,
    bounded: over,
  };
}
