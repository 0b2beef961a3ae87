/**
 * Search served from worker threads over the same SQLite file.
 *
 * Why: a search is CPU work (query analysis, BM25 over the matches, re-ranking, snippets
 * cut from the stored text) that one Node thread runs between requests, so under many
 * distinct queries the server's one thread is the bottleneck while other cores idle.
 *
 * Contract: `SqliteSearchPool.start(path, analyzer, { threads })` makes a pool of up to
 * `threads` piscina threads (search-worker.ts), started by the first searches, each with
 * its own read-only connection (WAL: it sees every committed write, never a transaction
 * in progress) and the same `SqliteSearch` as the in-process path, so `search(q)` answers what `SqliteStore.searchSync(q)` answers on the
 * same committed state. An error inside a search is the same notice as in-process; a
 * thread that cannot search at all (its connection failed, the thread died) rejects with
 * an Error whose message starts `search thread failed:`. `close()` lets the tasks
 * submitted so far finish, then ends the threads. Only Marsad's own analyzers
 * (`analyzerFor(stemmer)`, named `marsad-<stemmer>`) can be rebuilt in a thread.
 *
 * Memory (docs/ARCHITECTURE.md): each thread is a V8 isolate of its own, its heap bounded
 * by SEARCH_THREAD_HEAP, plus its connection's page cache (`cacheKiB`, default 2 MiB);
 * pages beyond it are read through the mmap window, which is the file's page cache, not
 * the process's own memory.
 */
import type { Piscina as PiscinaPool } from 'piscina';
import type { Analyzer } from '../../search/analyzer.ts';
import { threadModule } from '../../paths.ts';
import type { SearchQuery, SearchResult } from '../types.ts';

/** What a search thread is started with. */
export interface SearchWorkerData {
  path: string;
  stemmer: string;
  cacheKiB: number;
  mmapBytes: number;
}

export interface SearchPoolOptions {
  /** Worker threads (at least 1). */
  threads: number;
  /** Each thread's page cache in KiB (default 2 MiB). */
  cacheKiB?: number;
  /** Each thread's mmap window in bytes (default 1 GiB: file pages, not the process's own memory). */
  mmapBytes?: number;
}

export const SEARCH_THREAD_CACHE_KIB = 2 * 1024;
/**
 * Each thread's V8 heap: a search keeps nothing between queries but prepared statements and
 * the ranking's word-form memo, so a small young generation (collected often, cheaply)
 * and an old generation far above what a thread holds (about 20 MiB) bound its memory
 * without ever being reached.
 */
export const SEARCH_THREAD_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 192 };
const MMAP_BYTES = 1024 * 1024 * 1024;

const workerSpec = () => threadModule('store/sqlite/search-worker');

export class SqliteSearchPool {
  private closed = false;

  private constructor(
    private readonly pool: PiscinaPool<SearchQuery, SearchResult>,
    readonly threads: number,
  ) {}

  /** Starts the threads (piscina is loaded only here, so commands that never search in threads never load it). */
  static async start(path: string, analyzer: Analyzer, opts: SearchPoolOptions): Promise<SqliteSearchPool> {
    const stemmer = /^marsad-(\w+)$/.exec(analyzer.name)?.[1];
    if (!stemmer) throw new Error(`search threads: the analyzer ${analyzer.name} cannot be rebuilt in a thread (only marsad-<stemmer>)`);
    if (path === '' || path === ':memory:') throw new Error('search threads: an in-memory database cannot be shared with threads');
    const threads = Math.max(1, Math.floor(opts.threads));
    const workerData: SearchWorkerData = { path, stemmer, cacheKiB: opts.cacheKiB ?? SEARCH_THREAD_CACHE_KIB, mmapBytes: opts.mmapBytes ?? MMAP_BYTES };
    const { Piscina } = await import('piscina');
    // No thread before the first search (start-up, e.g. the first start's sample import,
    // keeps the cores); once started a thread stays (idleTimeout Infinity).
    const pool = new Piscina<SearchQuery, SearchResult>({ ...workerSpec(), workerData, minThreads: 0, maxThreads: threads, idleTimeout: Infinity, resourceLimits: SEARCH_THREAD_HEAP });
    return new SqliteSearchPool(pool, threads);
  }

  async search(q: SearchQuery): Promise<SearchResult> {
    if (this.closed) throw new Error('search thread failed: the search threads are stopped');
    try {
      return await this.pool.run(q);
    } catch (e) {
      throw new Error(`search thread failed: ${(e as Error).message}`, { cause: e });
    }
  }

  /** Ends the threads once the searches already submitted are answered. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.close();
  }
}
