/**
 * The embedded Store: one SQLite file (WAL, foreign keys on) through better-sqlite3 v12.
 * Numbered migrations bring the schema up to date on open. Search runs on an FTS5 index
 * of pre-analyzed terms; the analyzer that built it is recorded, and an index built by a
 * different analyzer is rebuilt on open, so queries and index always agree.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../../model/article.ts';
import { canonicalUrl } from '../../model/url.ts';
import { defaultAnalyzer, titleStrings, type Analyzer } from '../../search/analyzer.ts';
import { encodeSpans } from '../../search/spans.ts';
import { analyzerFingerprint } from '../analysis.ts';
import type { ArticleQuery, SearchQuery, SearchResult, Store, UpsertResult } from '../types.ts';
import { migrate } from './migrate.ts';
import { rowToArticle, type ArticleRow } from '../rows.ts';
import { limitOf, upperBound } from '../query.ts';
import { SqliteSearch, searchOrNotice } from './search.ts';
import { Upserter } from './upsert.ts';
import { SqliteSearchPool, type SearchPoolOptions } from './search-pool.ts';

export interface SqliteStoreOptions {
  /** The analyzer for the index (default: Marsad's). */
  analyzer?: Analyzer;
  /** Rebuild the index when it was built by another analyzer (default true). */
  reindex?: boolean;
}

export { analyzerFingerprint } from '../analysis.ts';

/**
 * WAL pages after which a commit checkpoints them into the database file (SQLite's default:
 * 1,000). An import's commits each dirty pages spread over the key, band, document-frequency,
 * entity and FTS indexes, mostly the same pages from one batch to the next; a checkpoint
 * copies each page once however many frames the WAL holds of it, so checkpointing less often
 * copies fewer pages (pooled import of 3 corpus days, the writer's CPU per article: 4.95 →
 * 3.61 ms, one run each on the loaded shared machine). At most about 40 MiB of WAL (4 KiB
 * pages) before a checkpoint; readers are unaffected (they read the WAL index).
 */
const WAL_CHECKPOINT_PAGES = 10_000;

export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly analyzer: Analyzer;
  private readonly upserter: Upserter;
  private readonly searcher: SqliteSearch;
  private searchPool: SqliteSearchPool | null = null;

  constructor(path: string, opts: SqliteStoreOptions = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    const applied = migrate(this.db);
    this.analyzer = opts.analyzer ?? defaultAnalyzer;
    this.upserter = new Upserter(this.db, this.analyzer);
    this.searcher = new SqliteSearch(this.db, this.analyzer);
    // A database from before the spans (migration 032) gets them now, unless it is reindexed.
    if (!this.checkAnalyzer(opts.reindex ?? true) && applied.includes(32)) this.fillSpans();
  }

  /** Whether the index was rebuilt (it was built by another analyzer). */
  private checkAnalyzer(reindex: boolean): boolean {
    const want = analyzerFingerprint(this.analyzer);
    const have = this.db.prepare("SELECT value FROM meta WHERE key = 'analyzer'").pluck().get() as string | undefined;
    if (have === want) return false;
    const count = this.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    const rebuilt = count > 0 && reindex;
    if (rebuilt) this.reindex();
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('analyzer', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(want);
    return rebuilt;
  }

  /** Rebuilds the full-text index, headline terms and term spans from the stored text (one transaction). */
  reindex(): number {
    const rows = this.db.prepare('SELECT seq, title, text FROM articles ORDER BY seq').all() as Array<Pick<ArticleRow, 'seq' | 'title' | 'text'>>;
    const setTerms = this.db.prepare('UPDATE articles SET title_terms = ?, title_norms = ? WHERE seq = ?');
    const spans = this.db.prepare('INSERT INTO article_spans (seq, spans) VALUES (?, ?)');
    let n = 0;
    this.db.transaction(() => {
      this.upserter.fts.clear();
      this.db.exec('DELETE FROM article_spans');
      for (const r of rows) {
        const t = titleStrings(this.analyzer, r.title);
        setTerms.run(t.terms, t.norms, r.seq);
        const xt = this.analyzer.terms(r.text);
        let s = '';
        for (let i = 0; i < xt.length; i++) s += (i ? ' ' : '') + xt[i]!.term;
        this.upserter.fts.insert(r.seq, t.terms, s, false);
        spans.run(r.seq, encodeSpans(r.text, xt));
        n++;
      }
    }).immediate();
    return n;
  }

  /**
   * Writes the term spans of the articles that have none (a database from before migration
   * 032), a thousand per transaction; returns how many. Search reads them for snippets.
   */
  fillSpans(): number {
    const next = this.db.prepare('SELECT a.seq, a.text FROM articles a WHERE a.seq > ? AND NOT EXISTS (SELECT 1 FROM article_spans p WHERE p.seq = a.seq) ORDER BY a.seq LIMIT 1000');
    const put = this.db.prepare('INSERT INTO article_spans (seq, spans) VALUES (?, ?)');
    let n = 0;
    let after = -1;
    for (;;) {
      const rows = next.all(after) as Array<Pick<ArticleRow, 'seq' | 'text'>>;
      if (rows.length === 0) return n;
      this.db.transaction(() => {
        for (const r of rows) put.run(r.seq, encodeSpans(r.text, this.analyzer.terms(r.text)));
      }).immediate();
      n += rows.length;
      after = rows[rows.length - 1]!.seq;
    }
  }

  async upsertArticles(articles: Article[]): Promise<UpsertResult[]> {
    return this.upserter.run(articles);
  }

  getArticle(id: string): Promise<Article | null> {
    const r = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    return Promise.resolve(r ? rowToArticle(r) : null);
  }

  getArticleByUrl(url: string): Promise<Article | null> {
    const canon = canonicalUrl(url);
    const r = canon ? (this.db.prepare('SELECT * FROM articles WHERE canonical_url = ?').get(canon) as ArticleRow | undefined) : undefined;
    return Promise.resolve(r ? rowToArticle(r) : null);
  }

  listArticles(q: ArticleQuery = {}): Promise<Article[]> {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (q.outlet) {
      where.push('outlet = @outlet');
      params.outlet = q.outlet;
    }
    if (q.from) {
      where.push('published_at >= @from');
      params.from = q.from;
    }
    if (q.to) {
      where.push('published_at <= @to');
      params.to = upperBound(q.to);
    }
    if (q.before) {
      params.bid = q.before.id;
      if (q.before.publishedAt === null) where.push('(published_at IS NULL AND id < @bid)');
      else {
        params.bp = q.before.publishedAt;
        where.push('(published_at < @bp OR (published_at = @bp AND id < @bid) OR published_at IS NULL)');
      }
    }
    params.limit = limitOf(q.limit, 50);
    const sql = `SELECT * FROM articles${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY published_at DESC, id DESC LIMIT @limit`;
    return Promise.resolve((this.db.prepare(sql).all(params) as ArticleRow[]).map(rowToArticle));
  }

  countArticles(): Promise<number> {
    return Promise.resolve(this.db.prepare('SELECT count(*) FROM articles').pluck().get() as number);
  }

  listOutlets(): Promise<Array<{ outlet: string; count: number }>> {
    const sql = 'SELECT outlet, count(*) AS count FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count DESC, outlet';
    return Promise.resolve(this.db.prepare(sql).all() as Array<{ outlet: string; count: number }>);
  }

  /**
   * Serves `search` from worker threads with their own read-only connections to this file
   * (search-pool.ts): the same answers, off this thread. `searchSync` stays in-process.
   */
  async startSearchThreads(opts: SearchPoolOptions): Promise<void> {
    if (this.searchPool) throw new Error('search threads: already started');
    this.searchPool = await SqliteSearchPool.start(this.db.name, this.analyzer, opts);
  }

  /** How many threads serve `search` (0: this thread). */
  get searchThreads(): number {
    return this.searchPool?.threads ?? 0;
  }

  search(q: SearchQuery): Promise<SearchResult> {
    return this.searchPool ? this.searchPool.search(q) : Promise.resolve(this.searchSync(q));
  }

  /** The same as `search`, synchronously (benchmarks, the CLI's per-line loop). */
  searchSync(q: SearchQuery): SearchResult {
    return searchOrNotice(this.searcher, q);
  }

  async close(): Promise<void> {
    const pool = this.searchPool;
    this.searchPool = null;
    await pool?.close();
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating and migrating) the SQLite store at `path`. */
export function openSqliteStore(path: string, opts: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(path, opts);
}
