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
import type { SearchHit, SearchQuery, SearchResult } from '../types.ts';
import { FTS_TUNING, searchFilters, searchPage, type SearchFilters } from '../query.ts';

const quote = (it: Item): string => `"${it.terms.join(' ').replaceAll('"', '""')}"`;

/** The FTS5 MATCH expression for a parsed query: only quoted strings and AND/OR/NOT. */
export function ftsExpression(p: ParsedQuery): string {
  const groups = p.groups.map((g) => (g.length === 1 ? quote(g[0]!) : `(${g.map(quote).join(' OR ')})`));
  let e = groups.join(' AND ');
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

/** A candidate with what the re-ranker reads about its headline. */
interface Cand {
  seq: number;
  base: number;
  total: number;
  title_terms: string;
  title_norms: string;
  published_at: string | null;
}
type HitRow = HitSource & { seq: number };

export class SqliteSearch {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly analyzer: Analyzer,
  ) {}

  /** Prepared statements by SQL text (the few shapes filters give are reused). */
  private prepare<P, R>(sql: string): Database.Statement<P[], R> {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st as unknown as Database.Statement<P[], R>;
  }

  /** The best `n` matches by BM25 with their headline terms, and how many matched (one statement). */
  private candidates(match: string, f: Filters, n: number): Cand[] {
    const { titleWeight: wt, textWeight: wx } = FTS_TUNING;
    const join = f.sql ? ' JOIN articles a ON a.seq = article_fts.rowid' : '';
    // bm25() cannot sit beside a window function: rank in a subquery, count over it.
    const sql =
      `SELECT c.seq, c.base, c.total, r.title_terms, r.title_norms, r.published_at FROM (` +
      `SELECT seq, base, count(*) OVER () AS total FROM (SELECT article_fts.rowid AS seq, -bm25(article_fts, ${wt}, ${wx}) AS base` +
      ` FROM article_fts${join} WHERE article_fts MATCH @match${f.sql}) ORDER BY base DESC LIMIT ${n}) c` +
      ` JOIN articles r ON r.seq = c.seq`;
    const params = { ...f.params, match };
    return this.prepare<Record<string, string>, Cand>(sql).all(params);
  }

  private ranked(p: ParsedQuery, f: Filters, n: number, recency: boolean) {
    const cands = this.candidates(ftsExpression(p), f, n);
    if (cands.length === 0) return { ranked: [], total: 0 };
    const full = cands.map((c) => ({
      seq: c.seq,
      base: c.base,
      titleTerms: c.title_terms ? c.title_terms.split(' ') : [],
      titleNorms: c.title_norms ? c.title_norms.split(' ') : [],
      publishedAt: c.published_at,
    }));
    return { ranked: rerank(full, p.terms, recency, p.norms), total: cands[0]!.total };
  }

  search(q: SearchQuery): SearchResult {
    const parsed = parseQuery(q.q, this.analyzer);
    if (parsed.empty) return { hits: [], total: 0, notice: parsed.notice };
    const checked = searchFilters(q);
    if ('notice' in checked) return { hits: [], total: 0, notice: checked.notice };
    const f = render(checked.filters);
    const { offset, want, pool: n } = searchPage(q);
    const notices = parsed.notice ? [parsed.notice] : [];

    let { ranked: list, total } = this.ranked(parsed, f, n, q.recency ?? false);
    // Relaxing costs a wide OR query: only when no article holds every word.
    const relaxed = list.length === 0 ? relaxQuery(parsed) : null;
    if (relaxed) {
      ({ ranked: list, total } = this.ranked(relaxed, f, n, q.recency ?? false));
      if (list.length) notices.push('No article holds every word; these hold some of them.');
    }
    const page = list.slice(offset, want);
    return { hits: this.hits(page, parsed, q.snippets !== false), total, notice: notices.length ? notices.join(' ') : undefined };
  }

  private hits(page: Array<{ seq: number; score: number }>, p: ParsedQuery, snippets: boolean): SearchHit[] {
    if (page.length === 0) return [];
    const rows = new Map(
      this
        .prepare<string, HitRow>(
          // No snippet, no body read.
          `SELECT seq, id, url, title, outlet, published_at, ${snippets ? 'text' : "'' AS text"} FROM articles WHERE seq IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(page.map((c) => c.seq)))
        .map((r) => [r.seq, r]),
    );
    return toHits(page, (c) => c.seq, rows, p.terms, this.analyzer, snippets);
  }
}
