/**
 * The scale-out Store: PostgreSQL through `pg`, chosen explicitly by a postgres:// URL.
 * Numbered SQL migrations (./migrations) bring the schema up to date on open; search runs
 * on a GIN-indexed tsvector of Marsad's pre-analyzed terms and ranks like the SQLite
 * backend (search.ts). Passes the same contract suite (store/contract.ts).
 *
 * A schema other than `public` is named by `?schema=NAME` on the URL or the `schema`
 * option (tests use a scratch schema each); every connection of the pool sets its
 * search_path to it. Many processes may open the same database at once.
 */
import pg from 'pg';
import type { Article } from '../../model/article.ts';
import { canonicalUrl } from '../../model/url.ts';
import { defaultAnalyzer, titleStrings, type Analyzer } from '../../search/analyzer.ts';
import { analyzerFingerprint } from '../analysis.ts';
import { rowToArticle, type ArticleRow } from '../rows.ts';
import { limitOf, upperBound } from '../query.ts';
import type { ArticleQuery, SearchQuery, SearchResult, Store, UpsertResult } from '../types.ts';
import { migratePg, quoteSchema } from './migrate.ts';
import { pgTypes } from './db.ts';
import { ARTICLE_COLUMNS } from './reader.ts';
import { PgSearch } from './search.ts';
import { indexDoc, textTokens } from './tsv.ts';
import { lockIdentities, upsertBatch } from './upsert.ts';

export interface PgStoreOptions {
  /** The schema holding Marsad's tables (default: `?schema=` of the URL, else `public`). */
  schema?: string;
  analyzer?: Analyzer;
  /** Connections in the pool (default 4). */
  poolSize?: number;
  /** How long search may reuse corpus statistics (default 60 s). */
  statsTtlMs?: number;
  /** Rebuild the index when it was built by another analyzer (default true). */
  reindex?: boolean;
}

/** Splits `?schema=` off a postgres:// URL. */
export function parsePgUrl(url: string): { connectionString: string; schema: string | null } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  return { connectionString: u.toString(), schema };
}


export class PgStore implements Store {
  readonly pool: pg.Pool;
  readonly schema: string;
  readonly analyzer: Analyzer;
  readonly searcher: PgSearch;
  private closed = false;

  protected constructor(url: string, opts: PgStoreOptions) {
    const { connectionString, schema } = parsePgUrl(url);
    this.schema = opts.schema ?? schema ?? 'public';
    quoteSchema(this.schema);
    this.pool = new pg.Pool({ connectionString, max: opts.poolSize ?? 4, options: `-c search_path=${this.schema}`, types: pgTypes });
    // An idle client losing its server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.analyzer = opts.analyzer ?? defaultAnalyzer;
    this.searcher = new PgSearch(this.pool, this.analyzer, opts.statsTtlMs);
  }

  /** Connects, migrates, and checks the index's analyzer. */
  static async open(url: string, opts: PgStoreOptions = {}): Promise<PgStore> {
    return PgStore.init(new PgStore(url, opts), opts);
  }

  protected static async init<T extends PgStore>(s: T, opts: PgStoreOptions): Promise<T> {
    try {
      await migratePg(s.pool, s.schema);
      await s.checkAnalyzer(opts.reindex ?? true);
    } catch (e) {
      await s.pool.end();
      throw e;
    }
    return s;
  }

  /** Runs `fn` in one transaction on one connection. */
  async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  protected async checkAnalyzer(reindex: boolean): Promise<void> {
    const want = analyzerFingerprint(this.analyzer);
    const r = await this.pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'analyzer'");
    const have = r.rows[0]?.value;
    if (have === want) return;
    if (have !== undefined && reindex) await this.reindex();
    await this.pool.query("INSERT INTO meta (key, value) VALUES ('analyzer', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [want]);
  }

  /** Rebuilds every index entry and headline terms from the stored text (one transaction). */
  async reindex(): Promise<number> {
    return this.tx(async (c) => {
      const rows = (await c.query<{ seq: number; title: string; text: string }>('SELECT seq, title, text FROM articles ORDER BY seq FOR UPDATE')).rows;
      for (const r of rows) {
        const doc = indexDoc(textTokens(this.analyzer, r.title), textTokens(this.analyzer, r.text));
        const t = titleStrings(this.analyzer, r.title);
        await c.query('UPDATE articles SET tsv = $2::tsvector, title_len = $3, doc_len = $4, title_terms = $5, title_norms = $6 WHERE seq = $1', [
          r.seq, doc.tsv, doc.titleLen, doc.docLen, t.terms, t.norms,
        ]);
      }
      this.searcher.generation++;
      return rows.length;
    });
  }

  async upsertArticles(articles: Article[]): Promise<UpsertResult[]> {
    if (articles.length === 0) return [];
    const out = await this.tx(async (c) => {
      await lockIdentities(c, articles);
      return upsertBatch(c, this.analyzer, articles);
    });
    if (out.some((r) => r.status !== 'unchanged')) this.searcher.generation++;
    return out;
  }

  async getArticle(id: string): Promise<Article | null> {
    const r = await this.pool.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id]);
    return r.rows[0] ? rowToArticle(r.rows[0]) : null;
  }

  async getArticleByUrl(url: string): Promise<Article | null> {
    const canon = canonicalUrl(url);
    if (!canon) return null;
    const r = await this.pool.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE canonical_url = $1`, [canon]);
    return r.rows[0] ? rowToArticle(r.rows[0]) : null;
  }

  async listArticles(q: ArticleQuery = {}): Promise<Article[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    if (q.outlet) where.push(`outlet = ${p(q.outlet)}`);
    if (q.from) where.push(`published_at >= ${p(q.from)}`);
    if (q.to) where.push(`published_at <= ${p(upperBound(q.to))}`);
    if (q.before) {
      const bid = p(q.before.id);
      if (q.before.publishedAt === null) where.push(`(published_at IS NULL AND id < ${bid})`);
      else {
        const bp = p(q.before.publishedAt);
        where.push(`(published_at < ${bp} OR (published_at = ${bp} AND id < ${bid}) OR published_at IS NULL)`);
      }
    }
    const limit = limitOf(q.limit, 50);
    const sql = `SELECT ${ARTICLE_COLUMNS} FROM articles${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY published_at DESC NULLS LAST, id DESC LIMIT ${limit}`;
    return (await this.pool.query<ArticleRow>(sql, params)).rows.map(rowToArticle);
  }

  async countArticles(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles')).rows[0]!.n;
  }

  async listOutlets(): Promise<Array<{ outlet: string; count: number }>> {
    const sql = 'SELECT outlet, count(*)::int AS count FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count DESC, outlet';
    return (await this.pool.query<{ outlet: string; count: number }>(sql)).rows;
  }

  async search(q: SearchQuery): Promise<SearchResult> {
    try {
      return await this.searcher.search(q);
    } catch (e) {
      return { hits: [], total: 0, notice: `The search could not run: ${(e as Error).message}` };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** Opens (creating and migrating) the PostgreSQL store at `url`. */
export function openPgStore(url: string, opts: PgStoreOptions = {}): Promise<PgStore> {
  return PgStore.open(url, opts);
}
