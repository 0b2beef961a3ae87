/**
 * Search over the SQLite store: the parsed query is compiled to an FTS5 MATCH expression
 * of quoted analyzed terms (so no user text is ever FTS syntax), the top candidates are
 * taken by BM25 with the headline weighted, re-ranked (search/rank.ts), and snippets are
 * cut from the stored original text. When no article holds every word, articles holding
 * some of them are returned instead, with a notice.
 */
import type Database from 'better-sqlite3';
import type { Analyzer } from '../../search/analyzer.ts';
import { parseQuery, relaxQuery, type Item, type ParsedQuery } from '../../search/query.ts';
import { rerank } from '../../search/rank.ts';
import { toHits, type HitSource } from '../../search/snippet.ts';
import { foldStories, topStories, type StoryScored } from '../../search/collapse.ts';
import type { SearchHit, SearchQuery, SearchResult } from '../types.ts';
import { isUtf8, textOf } from './utf8.ts';
import { PARTS_SQL, type FtsPart } from './fts-parts.ts';
import { countParts, ftsFrom, scoredParts, titledRows } from './search-parts.ts';
import { FTS_TUNING, attachCoverage, pageSeqs, searchFilters, searchPage, storyKeySql, type SearchFilters } from '../query.ts';

const quote = (it: Item): string => `"${it.terms.join(' ').replaceAll('"', '""')}"`;

/**
 * The FTS5 MATCH expression for a parsed query: only quoted strings and AND/OR/NOT. With
 * `column`, the query's words must stand in that column (its NOT words in none).
 */
export function ftsExpression(p: ParsedQuery, column?: 'title'): string {
  const groups = p.groups.map((g) => (g.length === 1 ? quote(g[0]!) : `(${g.map(quote).join(' OR ')})`));
  let e = groups.join(' AND ');
  if (column) e = `{${column}} : (${e})`;
  if (p.not.length) e = `(${e}) NOT (${p.not.map(quote).join(' OR ')})`;
  return e;
}

interface Filters {
  sql: string;
  params: Record<string, string>;
}

/** The shared filter values (../query.ts) as SQLite conditions on `a`. */
function render(f: SearchFilters): Filters {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (f.outlet !== undefined) {
    parts.push('a.outlet = @outlet');
    params.outlet = f.outlet;
  }
  if (f.from !== undefined) {
    parts.push('a.published_at >= @from');
    params.from = f.from;
  }
  if (f.to !== undefined) {
    parts.push('a.published_at <= @to');
    params.to = f.to;
  }
  if (f.tag !== undefined) {
    parts.push('a.seq IN (SELECT seq FROM article_tags WHERE tag = @tag)');
    params.tag = f.tag;
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * What a ranking reads of the store once: its size (the last seq), the full-text index's parts
 * (newest first; read each search: a part may have opened) and the most matches it scores
 * (`cap`, see `scope`).
 */
interface Scope {
  size: number;
  parts: FtsPart[];
  cap: number;
}

/** The join a filtered FTS query needs to read the article's columns (`a`). */
const joinOf = (f: Filters): string => (f.sql ? ' JOIN articles a ON a.seq = article_fts.rowid' : '');

/** A candidate's headline as the index keeps it (terms and norms space-separated). */
interface Headline {
  seq: number;
  title_terms: string;
  title_norms: string;
  published_at: string | null;
}
/** A candidate as the re-ranker reads it (rank.ts's Candidate), with its seq and story key ('' without collapse). */
interface Cand {
  seq: number;
  base: number;
  story: string;
  titleTerms: string[];
  titleNorms: string[];
  publishedAt: string | null;
}
/** A candidate from its score and headline (one object shape: a literal, not a spread). */
const cand = (seq: number, base: number, story: string, h: Headline): Cand => ({
  seq,
  base,
  story,
  titleTerms: h.title_terms ? h.title_terms.split(' ') : [],
  titleNorms: h.title_norms ? h.title_norms.split(' ') : [],
  publishedAt: h.published_at,
});
type HitRow = HitSource & { seq: number; story_id?: string | null; outlets?: string | null; article_count?: number | null };
/** A ranked candidate; with collapse, its story and the other matches folded into it. */
type Ranked = { seq: number; score: number; story?: string; folded?: number; also?: Array<{ seq: number }> };

/** `searcher.search(q)`, or an empty result whose notice says why the search could not run. */
export function searchOrNotice(searcher: SqliteSearch, q: SearchQuery): SearchResult {
  try {
    return searcher.search(q);
  } catch (e) {
    return { hits: [], total: 0, notice: `The search could not run: ${(e as Error).message}` };
  }
}

export class SqliteSearch {
  private readonly statements = new Map<string, Database.Statement>();
  /** Whether text can be read as UTF-8 bytes (utf8.ts). */
  private readonly utf8: boolean;

  constructor(
    private readonly db: Database.Database,
    private readonly analyzer: Analyzer,
  ) {
    this.utf8 = isUtf8(db);
  }

  /** Prepared statements by SQL text (the few shapes filters give are reused). */
  private prepare<P, R>(sql: string): Database.Statement<P[], R> {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st as unknown as Database.Statement<P[], R>;
  }

  /**
   * The matches scored (`[seq, base]`: −BM25, the headline weighted), best first (ties by
   * seq), at most `keep` of them (null: all), and how many matched. FTS5's BM25 reads every
   * match it scores, so a query is bounded (`cap`, `scope`: 0 scores every match): its
   * newest `scored` matches are scored (bases divided by the best, in (0, 1]); when there
   * are more, the newest `keep` (null: `scored`) older matches holding the query in the
   * headline follow them unscored, with the best base, 1, when the query has no alternatives
   * (BM25 with the headline weighted puts a match holding every query word there near the
   * top), else 0. The re-ranker orders them by their headline; scoring them would walk the
   * commonest word's doclist again, and choosing them by headline would read every one's
   * headline (p95 38 → 89 ms at a million). Up to `scored` matches the answer is the exact
   * one: every match scored, the same order. The matches are counted first where a bound
   * applies (`cap` > 0; `matched`: counted already), else only when the top is full.
   * The top is a plain `ORDER BY … LIMIT` read as bare numbers. The older headline matches
   * come from article_titles (search-parts.ts `titledRows`). In a store of more than one index
   * part, search-parts.ts scores instead: BM25 in the newest parts only, a bounded query's
   * total estimated.
   */
  private scored(p: ParsedQuery, f: Filters, keep: number | null, { cap, parts, size }: Scope, matched?: number): { rows: Array<[number, number]>; total: number; bounded: boolean } {
    const { titleWeight: wt, textWeight: wx } = FTS_TUNING;
    const match = ftsExpression(p);
    if (parts.length > 1) return scoredParts(this.prepare.bind(this), parts, size, { p, match, titleMatch: ftsExpression(p, 'title') }, f, keep, cap);
    const params: Record<string, string | number> = { ...f.params, match };
    const where = ftsFrom('article_fts', f);
    const score = `SELECT article_fts.rowid AS seq, -bm25(article_fts, ${wt}, ${wx}) AS base ${where}`;
    const limit = keep === null ? '' : ` LIMIT ${keep}`;
    const count = (): number => this.matches(match, f, parts);
    const total = matched ?? (cap > 0 ? count() : undefined);
    if (total === undefined || total <= cap) {
      const rows = this.prepare<Record<string, string | number>, [number, number]>(`${score} ORDER BY base DESC, seq${limit}`).raw(true).all(params) as unknown as Array<[number, number]>;
      return { rows, total: total ?? (keep !== null && rows.length === keep ? count() : rows.length), bounded: false };
    }
    // The newest `cap` matches (FTS5 walks its doclists newest first and stops), best first,
    // with the oldest of them.
    const newest = `SELECT seq, base, min(seq) OVER () AS oldest FROM (${score} ORDER BY article_fts.rowid DESC LIMIT ${cap}) ORDER BY base DESC, seq${limit}`;
    const first = this.prepare<Record<string, string | number>, [number, number, number]>(newest).raw(true).all(params) as unknown as Array<[number, number, number]>;
    const rows = first.map((r): [number, number] => [r[0], r[1]]);
    if (rows.length === 0) return { rows, total: 0, bounded: false };
    const best = rows[0]![1];
    if (best > 0) for (const r of rows) r[1] /= best;
    // (Every query word in the headline is worth the best base; one of several alternatives, as
    // a relaxed query asks, is not: those older matches come last.)
    const head = p.groups.every((g) => g.length === 1) ? 1 : 0;
    const titled = titledRows(this.prepare.bind(this), parts, { p, match, titleMatch: ftsExpression(p, 'title') }, f, keep ?? cap, first[0]![2], head);
    return { rows: rows.concat(titled), total, bounded: true };
  }

  /**
   * The ranking's scope, read once (a relaxed query's second ranking reads it again). `cap`: the
   * most matches a search scores (FTS_TUNING.scored), or 0 (every match) in a store of fewer
   * than FTS_TUNING.boundFrom articles: there a query matches a few thousand at most, and asking
   * whether it passes the bound (a count, ~0.15 ms a query at 24k) costs more than the bound saves.
   */
  private scope(): Scope {
    const { scored, boundFrom } = FTS_TUNING;
    const size = this.prepare<[], number | null>('SELECT max(seq) FROM articles').pluck().get() ?? 0;
    const parts = this.prepare<[], FtsPart>(PARTS_SQL).all();
    return { size, parts, cap: scored > 0 && size >= boundFrom ? scored : 0 };
  }

  /** How many articles match the FTS expression `match` in a one-part index (FTS5 walks the doclists without scoring). */
  private matches(match: string, f: Filters, parts: readonly FtsPart[]): number {
    return countParts(this.prepare.bind(this), parts, match, f);
  }

  /** The best `n` matches (scored) as the re-ranker's candidates, with their headline terms and how many matched. */
  private candidates(p: ParsedQuery, f: Filters, n: number, scope: Scope): { cands: Cand[]; total: number; approximate?: boolean } {
    const { rows, total, bounded } = this.scored(p, f, n, scope);
    if (rows.length === 0) return { cands: [], total: 0 };
    const info = this.headlines(rows.map((r) => r[0]));
    const cands: Cand[] = [];
    for (const [seq, base] of rows) {
      const h = info.get(seq);
      if (h) cands.push(cand(seq, base, '', h));
    }
    // (past the bound a one-part index counts every match; parts estimate: search-parts.ts)
    return { cands, total, ...(bounded && scope.parts.length > 1 ? { approximate: true } : {}) };
  }

  /**
   * What the re-ranker reads about these articles' headlines, from the covering index
   * articles_seq_rank (never the article row). On a UTF-8 database the rows come as one
   * JSON array read as bytes (one decode: utf8.ts), not a few hundred short strings.
   */
  private headlines(seqs: number[]): Map<number, Headline> {
    const from = ' FROM articles INDEXED BY articles_seq_rank WHERE seq IN (SELECT value FROM json_each(?))';
    const out = new Map<number, Headline>();
    if (seqs.length === 0) return out;
    const rows = (): typeof out => {
      for (const r of this.prepare<string, Headline>(`SELECT seq, title_terms, title_norms, published_at${from}`).all(JSON.stringify(seqs))) out.set(r.seq, r);
      return out;
    };
    if (!this.utf8) return rows();
    // Fields split by U+001F, rows by U+001D, a missing date is U+001E: control characters
    // no analyzed term or date holds (a row that does not split into four is read apart).
    const blob = this.prepare<string, Uint8Array>(`SELECT CAST(group_concat(seq || char(31) || coalesce(title_terms, '') || char(31) || coalesce(title_norms, '') || char(31) || coalesce(published_at, char(30)), char(29)) AS BLOB)${from}`).pluck().get(JSON.stringify(seqs));
    for (const rec of textOf(blob).split('\x1d')) {
      const f = rec.split('\x1f');
      if (f.length !== 4) {
        out.clear();
        return rows();
      }
      const seq = Number(f[0]);
      out.set(seq, { seq, title_terms: f[1]!, title_norms: f[2]!, published_at: f[3] === '\x1e' ? null : f[3]! });
    }
    return out;
  }

  /**
   * The copies (at most FTS_TUNING.copies each, best BM25 first) of the best `n` stories by
   * their best copy's BM25, each story's number of matches among those scored, and the
   * number of stories matching. Within the bound, storyCandidatesAll; past it, the matches
   * `scored` gives (a bounded query's two passes), read with their stories from the covering
   * index articles_seq_story (never the article row), the stories estimated (`approximate`).
   * Headline terms are read for the kept copies only.
   */
  private storyCandidates(p: ParsedQuery, f: Filters, n: number, scope: Scope): { cands: Cand[]; total: number; copies: Map<string, number>; approximate?: boolean } {
    const match = ftsExpression(p);
    const one = scope.parts.length === 1;
    const count = one && scope.cap > 0 ? this.matches(match, f, scope.parts) : 0;
    if (one && count <= scope.cap) return this.storyCandidatesAll(match, f, n);
    const { rows, total: matched, bounded } = this.scored(p, f, null, scope, one ? count : undefined);
    const story = new Map<number, string>();
    if (rows.length) {
      const keys = this.prepare<string, [number, string]>(`SELECT seq, ${storyKeySql('k')} FROM articles k INDEXED BY articles_seq_story WHERE seq IN (SELECT value FROM json_each(?))`);
      for (const [seq, key] of keys.raw(true).all(JSON.stringify(rows.map((r) => r[0]))) as unknown as Array<[number, string]>) story.set(seq, key);
    }
    const scored: StoryScored[] = [];
    for (const [seq, base] of rows) {
      const key = story.get(seq);
      if (key !== undefined) scored.push({ seq, base, story: key });
    }
    const top = topStories(scored, n, FTS_TUNING.copies);
    // Counting a bounded query's stories would join every match to its article: its stories
    // among the matches scored, scaled to every match, stand for them (`approximate`).
    const total = bounded ? Math.max(top.total, Math.round((top.total * matched) / Math.max(1, scored.length))) : top.total;
    const info = this.headlines(top.top.map((c) => c.seq));
    const cands = top.top.map((c) => cand(c.seq, c.base, c.story, info.get(c.seq)!));
    return { cands, total, copies: top.copies, approximate: bounded };
  }

  /**
   * storyCandidates with every match scored (within the bound, or FTS_TUNING.scored = 0):
   * the best `10n` matches by BM25 read with their stories, four times more while they hold
   * fewer than `n` stories; the stories are counted apart only when some matches were not read.
   */
  private storyCandidatesAll(match: string, f: Filters, n: number): { cands: Cand[]; total: number; copies: Map<string, number> } {
    const { titleWeight: wt, textWeight: wx, copies: perStory } = FTS_TUNING;
    const join = joinOf(f);
    const matches = ` FROM article_fts JOIN articles k INDEXED BY articles_seq_story ON k.seq = article_fts.rowid${join} WHERE article_fts MATCH @match${f.sql}`;
    const params = { ...f.params, match };
    let read = 10 * n;
    for (;;) {
      const sql =
        `SELECT c.seq, c.base, c.total, ${storyKeySql('k')} AS story FROM (` +
        `SELECT seq, base, count(*) OVER () AS total FROM (SELECT article_fts.rowid AS seq, -bm25(article_fts, ${wt}, ${wx}) AS base` +
        ` FROM article_fts${join} WHERE article_fts MATCH @match${f.sql}) ORDER BY base DESC, seq LIMIT ${read}) c` +
        ` JOIN articles k INDEXED BY articles_seq_story ON k.seq = c.seq`;
      const rows = this.prepare<Record<string, string>, StoryScored & { total: number }>(sql).all(params);
      const matched = rows[0]?.total ?? 0;
      const top = topStories(rows, n, perStory);
      if (top.copies.size < n && read < matched) {
        read *= 4;
        continue;
      }
      const total = read >= matched ? top.total : this.prepare<Record<string, string>, number>(`SELECT count(DISTINCT ${storyKeySql('k')})${matches}`).pluck().get(params)!;
      const info = this.headlines(top.top.map((c) => c.seq));
      const cands = top.top.map((c) => cand(c.seq, c.base, c.story, info.get(c.seq)!));
      return { cands, total, copies: top.copies };
    }
  }

  private ranked(p: ParsedQuery, f: Filters, n: number, recency: boolean, collapse: boolean): { ranked: Ranked[]; total: number; approximate?: boolean } {
    const scope = this.scope();
    const folded = collapse ? this.storyCandidates(p, f, n, scope) : null;
    const { cands, total, approximate } = folded ?? this.candidates(p, f, n, scope);
    if (cands.length === 0) return { ranked: [], total: 0 };
    const ranked = rerank(cands, p.terms, recency, p.norms);
    if (!folded) return { ranked, total, approximate };
    return { ranked: foldStories(ranked, folded.copies, FTS_TUNING.also), total: folded.total, approximate: folded.approximate };
  }

  search(q: SearchQuery): SearchResult {
    const parsed = parseQuery(q.q, this.analyzer);
    if (parsed.empty) return { hits: [], total: 0, notice: parsed.notice };
    const checked = searchFilters(q);
    if ('notice' in checked) return { hits: [], total: 0, notice: checked.notice };
    const f = render(checked.filters);
    const { offset, want, pool: n } = searchPage(q);
    const notices = parsed.notice ? [parsed.notice] : [];
    const collapse = q.collapse === 'story';

    let { ranked: list, total, approximate } = this.ranked(parsed, f, n, q.recency ?? false, collapse);
    // Relaxing costs a wide OR query: only when no article holds every word.
    const relaxed = list.length === 0 ? relaxQuery(parsed) : null;
    if (relaxed) {
      ({ ranked: list, total, approximate } = this.ranked(relaxed, f, n, q.recency ?? false, collapse));
      if (list.length) notices.push('No article holds every word; these hold some of them.');
    }
    const page = list.slice(offset, want);
    const hits = this.hits(page, parsed, q.snippets !== false, collapse);
    return { hits, total, ...(approximate ? { approximate } : {}), notice: notices.length ? notices.join(' ') : undefined };
  }

  private hits(page: Ranked[], p: ParsedQuery, snippets: boolean, collapse: boolean): SearchHit[] {
    if (page.length === 0) return [];
    // No snippet, no body read; with collapse, the story's outlets beside each hit.
    // With snippets, the body's term spans kept at ingest (migration 032; none: analyzed).
    // The body is read as UTF-8 bytes and decoded by ICU (utf8.ts: a quarter of V8's cost).
    const text = this.utf8 ? 'CAST(a.text AS BLOB) AS text' : 'a.text';
    const cols = `a.seq, a.id, a.url, a.title, a.outlet, a.published_at, ${snippets ? `${text}, (SELECT spans FROM article_spans p WHERE p.seq = a.seq) AS spans` : "'' AS text"}`;
    const sql = collapse
      ? `SELECT ${cols}, a.story_id, s.outlets, s.article_count FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.seq IN (SELECT value FROM json_each(?))`
      : `SELECT ${cols} FROM articles a WHERE a.seq IN (SELECT value FROM json_each(?))`;
    const read = this.prepare<string, HitRow>(sql).all(JSON.stringify(collapse ? pageSeqs(page) : page.map((c) => c.seq)));
    if (snippets && this.utf8) for (const r of read) r.text = textOf(r.text as unknown as Uint8Array);
    const rows = new Map(read.map((r) => [r.seq, r]));
    const hits = toHits(page, (c) => c.seq, rows, p.terms, this.analyzer, snippets);
    if (!collapse) return hits;
    attachCoverage(hits, page, rows);
    return hits;
  }
}
