/**
 * Search over the PostgreSQL store, ranked like the SQLite backend. The parsed query
 * (search/query.ts) becomes a tsquery of quoted pre-analyzed tokens matched through the
 * GIN index; every match is scored with FTS5's BM25 (bm25.ts: same IDF, same column
 * weights, same document lengths) from the positions of the query's tokens, the top
 * candidates are re-ranked by search/rank.ts, and snippets come from search/snippet.ts.
 * When no article holds every word, articles holding some of them are returned (as SQLite).
 *
 * Corpus statistics (row count, token total, each phrase's document frequency) are cached
 * per process for `statsTtlMs` and dropped on this process's own writes: IDF moves slowly,
 * and counting a common word on every query would cost more than the query.
 */
import type pg from 'pg';
import type { Analyzer } from '../../search/analyzer.ts';
import { parseQuery, relaxQuery, type ParsedQuery } from '../../search/query.ts';
import { rerank } from '../../search/rank.ts';
import { toHits, type HitSource } from '../../search/snippet.ts';
import { foldStories, topStories } from '../../search/collapse.ts';
import { FTS_TUNING, attachCoverage, pageSeqs, searchFilters, searchPage, storyKeySql, type SearchFilters } from '../query.ts';
import type { SearchHit, SearchQuery, SearchResult } from '../types.ts';
import { B, K1, bm25, idf, type CorpusStats, type RowPositions } from './bm25.ts';
import { itemTokens, phraseQuery, tsQuery } from './tsv.ts';

interface Filters {
  sql: string;
  params: unknown[];
}

/** The shared filter values (../query.ts) as PostgreSQL conditions on `a`, parameters numbered from `$first`. */
function render(f: SearchFilters, first: number): Filters {
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => `$${first + params.push(v) - 1}`;
  if (f.outlet !== undefined) parts.push(`a.outlet = ${p(f.outlet)}`);
  if (f.from !== undefined) parts.push(`a.published_at >= ${p(f.from)}`);
  if (f.to !== undefined) parts.push(`a.published_at <= ${p(f.to)}`);
  if (f.tag !== undefined) parts.push(`a.seq IN (SELECT seq FROM article_tags WHERE tag = ${p(f.tag)})`);
  return { sql: parts.map((x) => ` AND ${x}`).join(''), params };
}

interface MatchRow {
  seq: number;
  title_len: number;
  doc_len: number;
  p: Array<[string, number[]]> | null;
}
type HitRow = HitSource & { seq: number; title_terms: string; story_id?: string | null; outlets?: string | null; article_count?: number | null };

interface Scored {
  seq: number;
  base: number;
  /** With collapse: the story key (store/query.ts) and the story's number of matches. */
  story?: string;
  copies?: number;
  title_terms?: string;
  title_norms?: string;
  published_at?: string | null;
}

/** A ranked candidate; with collapse, its story and the other matches folded into it. */
type Ranked = { seq: number; score: number; story?: string; folded?: number; also?: Array<{ seq: number }> };

interface Cached<T> {
  gen: number;
  at: number;
  value: T;
}

export class PgSearch {
  /** Bumped by the store on every write: cached statistics are then recomputed. */
  generation = 0;
  private stats: Cached<CorpusStats> | null = null;
  private readonly df = new Map<string, Cached<number>>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly analyzer: Analyzer,
    private readonly statsTtlMs = 60_000,
  ) {}

  private fresh<T>(c: Cached<T> | null | undefined): c is Cached<T> {
    return !!c && c.gen === this.generation && Date.now() - c.at < this.statsTtlMs;
  }

  private async corpus(): Promise<CorpusStats> {
    if (this.fresh(this.stats)) return this.stats.value;
    const r = await this.pool.query<{ n: number; t: number }>('SELECT count(*)::int AS n, coalesce(sum(doc_len), 0)::float8 AS t FROM articles');
    const value = { rows: r.rows[0]!.n, tokens: r.rows[0]!.t };
    this.stats = { gen: this.generation, at: Date.now(), value };
    return value;
  }

  private cachedDf(tokens: string[]): number | undefined {
    const c = this.df.get(phraseQuery(tokens));
    return this.fresh(c) ? c.value : undefined;
  }

  private remember(tokens: string[], n: number): void {
    if (this.df.size > 10_000) this.df.clear();
    this.df.set(phraseQuery(tokens), { gen: this.generation, at: Date.now(), value: n });
  }

  private async docFreq(tokens: string[]): Promise<number> {
    const c = this.cachedDf(tokens);
    if (c !== undefined) return c;
    const r = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles WHERE tsv @@ $1::tsquery', [phraseQuery(tokens)]);
    this.remember(tokens, r.rows[0]!.n);
    return r.rows[0]!.n;
  }

  /**
   * Every match of `p` scored by BM25, best first, at most `n`, with the number of matches.
   * Single-token phrases (the usual query) are scored inside PostgreSQL: a single-lexeme
   * `ts_rank_cd` with weights {B: wx/w, A: wt/w} and no normalization is exactly the
   * column-weighted term frequency / w (every occurrence is a cover of length one). With a
   * multi-token phrase, the positions of the query's tokens come back and bm25.ts counts.
   */
  private async scored(p: ParsedQuery, sf: SearchFilters, n: number, exclude: number[], collapse: boolean): Promise<{ top: Scored[]; total: number; copies?: Map<string, number> }> {
    const tsq = tsQuery(p);
    if (!tsq) return { top: [], total: 0 };
    const phrases = p.groups.flat().map(itemTokens).filter((t) => t.length > 0);
    const stats = await this.corpus();
    const { titleWeight: wt, textWeight: wx } = FTS_TUNING;
    const params: unknown[] = [tsq];
    const f = render(sf, 2);
    params.push(...f.params);
    const excl = exclude.length ? ` AND a.seq <> ALL($${params.push(exclude)}::int[])` : '';
    const where = ` FROM articles a WHERE a.tsv @@ $1::tsquery${f.sql}${excl}`;
    if (phrases.every((t) => t.length === 1)) {
      // One round trip: document frequencies not cached yet (a CTE over the GIN index),
      // BM25 of every match, the best n with what re-ranking needs, and the match count.
      const known = phrases.map((t) => this.cachedDf(t));
      const missing = phrases.map((t, i) => ({ t, i })).filter((x) => known[x.i] === undefined);
      const rowsP = missing.length ? `$${params.push(stats.rows)}::float8` : '';
      const dfParams = missing.map((x) => `$${params.push(phraseQuery(x.t))}::tsquery`);
      const dfCols = missing.map((x, j) => `count(*) FILTER (WHERE a.tsv @@ ${dfParams[j]})::int AS d${x.i}`);
      const dfCte = missing.length
        ? `WITH df AS (SELECT ${dfCols.join(', ')} FROM articles a WHERE a.tsv @@ (${dfParams.join(' || ')})) `
        : 'WITH df AS (SELECT 1) ';
      const w = Math.max(wt, wx);
      const rw = `'{0.1,0.1,${wx / w},${wt / w}}'::float4[]`;
      const avgdl = stats.rows > 0 ? stats.tokens / stats.rows : 1;
      const norm = `(${K1} * (${1 - B} + ${B} * a.doc_len / $${params.push(avgdl)}::float8))`;
      const terms = phrases.map((t, i) => {
        const tf = `(${w} * ts_rank_cd(${rw}, a.tsv, $${params.push(phraseQuery(t))}::tsquery, 0)::float8)`;
        const k = known[i];
        const idfSql = k !== undefined ? `$${params.push(idf(stats, k))}::float8` : `greatest(1e-6, ln((${rowsP} - df.d${i} + 0.5) / (df.d${i} + 0.5)))`;
        return `${idfSql} * (${tf} * ${K1 + 1}) / (${tf} + ${norm})`;
      });
      const dCols = (t: string) => missing.map((x) => `, ${t}.d${x.i}`).join('');
      const matches = `SELECT a.seq, ${terms.join(' + ')} AS base${collapse ? `, ${storyKeySql('a')} AS story` : ''}${dCols('df')}${where.replace(' FROM articles a', ' FROM df, articles a')}`;
      // Collapsed: the best n stories by their best copy (ties: the smaller key), at most
      // FTS_TUNING.copies copies each, with each story's matches and the number of stories.
      const sql = collapse
        ? `${dfCte}, m AS (${matches}), s AS (SELECT story, max(base) AS best, count(*)::int AS copies FROM m GROUP BY story),` +
          ` t AS (SELECT story, best, copies, count(*) OVER ()::int AS total FROM s ORDER BY best DESC, story LIMIT ${n}),` +
          ` c AS (SELECT m.*, t.best, t.copies, t.total, row_number() OVER (PARTITION BY m.story ORDER BY m.base DESC, m.seq) AS rn FROM m JOIN t ON t.story = m.story)` +
          ` SELECT c.seq, c.base, c.story, c.copies, c.total, a.title_terms, a.title_norms, a.published_at${dCols('c')} FROM c JOIN articles a ON a.seq = c.seq` +
          ` WHERE c.rn <= ${FTS_TUNING.copies} ORDER BY c.best DESC, c.story, c.base DESC, c.seq`
        : `${dfCte}SELECT t.seq, t.base, t.total, a.title_terms, a.title_norms, a.published_at${dCols('t')} FROM (` +
          `SELECT s.*, count(*) OVER ()::int AS total FROM (${matches}) s ORDER BY s.base DESC, s.seq LIMIT ${n}) t JOIN articles a ON a.seq = t.seq ORDER BY t.base DESC, t.seq`;
      const rows = (await this.pool.query<Scored & { total: number } & Record<string, number>>(sql, params)).rows;
      for (const x of missing) if (rows[0]) this.remember(x.t, rows[0][`d${x.i}`]!);
      return { top: rows, total: rows[0]?.total ?? 0, ...(collapse ? { copies: new Map(rows.map((r) => [r.story!, r.copies!])) } : {}) };
    }
    const weights = await Promise.all(phrases.map(async (t) => ({ tokens: t, idf: idf(stats, await this.docFreq(t)) })));
    const tokens = [...new Set(phrases.flat())];
    const sql =
      `SELECT a.seq, a.title_len, a.doc_len, ${storyKeySql('a')} AS story, (SELECT json_agg(json_build_array(u.lexeme, u.positions)) FROM unnest(a.tsv) u WHERE u.lexeme = ANY($${params.push(tokens)}::text[])) AS p` +
      where;
    const rows = (await this.pool.query<MatchRow & { story: string }>(sql, params)).rows;
    const scored = rows.map((r) => {
      const row: RowPositions = { titleLen: r.title_len, docLen: r.doc_len, positions: new Map(r.p ?? []) };
      return { seq: r.seq, base: bm25(weights, row, stats, wt, wx), story: r.story };
    });
    if (collapse) return topStories(scored, n, FTS_TUNING.copies);
    scored.sort((x, y) => y.base - x.base || x.seq - y.seq);
    return { top: scored.slice(0, n), total: scored.length };
  }

  /** The best `n` matches of `p`, re-ranked (search/rank.ts). */
  private async ranked(p: ParsedQuery, sf: SearchFilters, recency: boolean, n: number, collapse: boolean, exclude: number[] = []): Promise<{ ranked: Ranked[]; total: number }> {
    const { top, total, copies } = await this.scored(p, sf, n, exclude, collapse);
    if (top.length === 0) return { ranked: [], total: 0 };
    const need = top.filter((c) => c.title_terms === undefined).map((c) => c.seq);
    const info = new Map(
      need.length
        ? (
            await this.pool.query<{ seq: number; title_terms: string; title_norms: string; published_at: string | null }>(
              'SELECT seq, title_terms, title_norms, published_at FROM articles WHERE seq = ANY($1::int[])',
              [need],
            )
          ).rows.map((r) => [r.seq, r])
        : [],
    );
    const full = top.map((c) => {
      const i = c.title_terms === undefined ? info.get(c.seq) : c;
      return {
        seq: c.seq,
        base: c.base,
        story: c.story ?? '',
        titleTerms: i?.title_terms ? i.title_terms.split(' ') : [],
        titleNorms: i?.title_norms ? i.title_norms.split(' ') : [],
        publishedAt: i?.published_at ?? null,
      };
    });
    const ranked = rerank(full, p.terms, recency, p.norms);
    return { ranked: copies ? foldStories(ranked, copies, FTS_TUNING.also) : ranked, total };
  }

  async search(q: SearchQuery): Promise<SearchResult> {
    const parsed = parseQuery(q.q, this.analyzer);
    if (parsed.empty) return { hits: [], total: 0, notice: parsed.notice };
    const checked = searchFilters(q);
    if ('notice' in checked) return { hits: [], total: 0, notice: checked.notice };
    const sf = checked.filters;
    const recency = q.recency ?? false;
    const { offset, want, pool: n } = searchPage(q);
    const notices = parsed.notice ? [parsed.notice] : [];
    const collapse = q.collapse === 'story';

    const all = await this.ranked(parsed, sf, recency, n, collapse);
    let list = all.ranked;
    let total = all.total;
    // Relaxing costs a wide OR query: only when no article holds every word (as SQLite).
    const relaxed = list.length === 0 ? relaxQuery(parsed) : null;
    if (relaxed) {
      const more = await this.ranked(relaxed, sf, recency, n, collapse, list.map((c) => c.seq));
      if (more.ranked.length) {
        // Articles with only some of the words come after every article with all of them.
        const floor = list.length ? list[list.length - 1]!.score : Infinity;
        const top = more.ranked[0]!.score;
        const scale = top > 0 && floor < Infinity ? (floor * 0.99) / top : 1;
        list = [...list, ...more.ranked.map((c) => ({ ...c, score: c.score * Math.min(1, scale) }))];
        total += more.total;
        notices.push('No article holds every word; these hold some of them.');
      }
    }
    const page = list.slice(offset, want);
    return { hits: await this.hits(page, parsed, q.snippets !== false, collapse), total, notice: notices.length ? notices.join(' ') : undefined };
  }

  private async hits(page: Ranked[], p: ParsedQuery, snippets: boolean, collapse: boolean): Promise<SearchHit[]> {
    if (page.length === 0) return [];
    const cols = 'a.seq, a.id, a.url, a.title, a.outlet, a.published_at, a.text';
    const sql = collapse
      ? `SELECT ${cols}, a.story_id, s.outlets, s.article_count FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.seq = ANY($1::int[])`
      : `SELECT ${cols} FROM articles a WHERE a.seq = ANY($1::int[])`;
    const rows = new Map((await this.pool.query<HitRow>(sql, [collapse ? pageSeqs(page) : page.map((c) => c.seq)])).rows.map((r) => [r.seq, r]));
    const hits = toHits(page, (c) => c.seq, rows, p.terms, this.analyzer, snippets);
    if (!collapse) return hits;
    attachCoverage(hits, page, rows);
    return hits;
  }
}
