/**
 * The pooled import: enrichment and analysis (prepare.ts) of each batch run in worker
 * threads (piscina), while the calling thread stays the one writer — store → group, in
 * submission order, through the same per-store queue and the same `storeAndGroup` as the
 * serial `ingest`. A batch is handed to a worker when it is submitted, so workers prepare
 * the next batches while the writer stores the current one (`importInputs` keeps several
 * batches in flight).
 *
 * Same result as the serial path, article for article: enrichment and analysis are pure;
 * the "already enriched" skip is decided when a batch is submitted (a re-import sends
 * nothing to the workers) and checked again when it is written (an earlier batch still in
 * flight may have changed the stored copy), and an article skipped at submission but no
 * longer skippable is enriched by the writer.
 *
 * Thread start-up does not hold the writer, and small imports never pay it: batches go
 * through the serial `ingest` until `minArticles` articles (default 100) have been submitted;
 * the batch that reaches it starts the threads (loading the modules and the gazetteer takes a
 * thread ~0.6 s) and still goes serially, so the writer enriches and stores it while they load
 * on the other cores; every later batch goes to the threads. The split depends on the batch
 * sizes alone, and either path gives the same result.
 *
 * Group commit (one writer, SQLite): batches the writer stores back to back share one
 * transaction, each batch a savepoint inside it (`CommitGroup`), so the index pages every
 * batch dirties again — the key postings' tails, the entity index, the FTS segments — reach
 * the log once per group instead of once per batch. The group commits as soon as the writer
 * would wait (no batch queued behind, or the next one still in a worker), after
 * GROUP_ARTICLES articles, or once it has been open GROUP_MS, so another connection's write
 * (a server's feed poll) waits at most about one batch past that, well within SQLite's
 * busy timeout. A batch's promise resolves when it is stored; the last batch of a run
 * resolves after its commit, so an import that returns has committed everything. A crash, or
 * a commit that fails (a full disk), loses the group's batches that had already resolved; the
 * failing commit rejects the batch that triggered it, and the same import run again adds them
 * all (an import is idempotent).
 */
import { availableParallelism } from 'node:os';
import type { Piscina as PiscinaPool } from 'piscina';
import type { Article } from '../model/article.ts';
import { threadModule } from '../paths.ts';
import type { UpsertResult } from '../store/types.ts';
import { enrichArticle } from './enrich.ts';
import { ingest } from './index.ts';
import { reattach, type PreparedArticle } from './prepare.ts';
import { concurrent } from './group.ts';
import type { PipelineStore } from './types.ts';
import { serialized, storeAndGroup, withOutletNames, type IngestOptions } from './write.ts';

export interface PoolOptions extends IngestOptions {
  /** Worker threads (default: available parallelism − 1, at least 1); 0 runs everything serially. */
  threads?: number;
  /** Articles that go through the serial path; the batch that reaches this many starts the threads (default DEFAULT_MIN_ARTICLES). */
  minArticles?: number;
  /** A commit group's bounds (default GROUP_ARTICLES, GROUP_MS). */
  groupArticles?: number;
  groupMs?: number;
}

export const DEFAULT_MIN_ARTICLES = 100;
/** A commit group's bounds: articles, and time open (see the header). */
export const GROUP_ARTICLES = 4000;
export const GROUP_MS = 2000;

/** Batches written back to back in one transaction, each a savepoint (see the header). */
export class CommitGroup {
  private open: { release: () => void; committed: Promise<unknown>; articles: number; since: number } | null = null;

  constructor(
    private readonly store: PipelineStore,
    private readonly bounds: { articles: number; ms: number },
  ) {}

  /** Runs `fn` (a batch's write) inside the open group, opening one when none is. */
  async run<T>(articles: number, fn: () => Promise<T>): Promise<T> {
    if (!this.open) {
      let release!: () => void;
      let begun!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const started = new Promise<void>((r) => (begun = r));
      // The transaction commits when `release` is called; `commit` reports its failure.
      const committed = this.store.writeTransaction(() => (begun(), released));
      committed.catch(() => undefined);
      // A BEGIN that failed (the lock not granted within the busy timeout) fails this batch.
      await Promise.race([started, committed]);
      this.open = { release, committed, articles: 0, since: performance.now() };
    }
    this.open.articles += articles;
    return fn();
  }

  /** Whether the open group has reached its bounds. */
  get full(): boolean {
    return this.open !== null && (this.open.articles >= this.bounds.articles || performance.now() - this.open.since >= this.bounds.ms);
  }

  /** Commits the open group, if any. */
  async commit(): Promise<void> {
    const g = this.open;
    if (!g) return;
    this.open = null;
    g.release();
    await g.committed;
  }
}

/** The default number of worker threads: one core stays with the writer. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

const workerSpec = () => threadModule('pipeline/worker');

export class IngestPool {
  readonly threads: number;
  private readonly minArticles: number;
  private pool: PiscinaPool<Article[], PreparedArticle[]> | null = null;
  private starting: Promise<PiscinaPool<Article[], PreparedArticle[]>> | null = null;
  private submitted = 0;
  /** Pooled batches submitted and not yet written. */
  private queued = 0;
  /** Null when grouping commits on its own (many workers, PostgreSQL). */
  private readonly group: CommitGroup | null;
  /** Batches prepared by the worker threads. */
  pooledBatches = 0;

  constructor(
    private readonly store: PipelineStore,
    private readonly opts: PoolOptions = {},
  ) {
    this.threads = Math.max(0, Math.floor(opts.threads ?? defaultThreads()));
    this.minArticles = Math.max(0, opts.minArticles ?? DEFAULT_MIN_ARTICLES);
    this.group = concurrent(store) ? null : new CommitGroup(store, { articles: opts.groupArticles ?? GROUP_ARTICLES, ms: opts.groupMs ?? GROUP_MS });
  }

  /**
   * Like `ingest(store, batch, opts)`, with enrichment and analysis in a worker thread once
   * `minArticles` have been submitted (the batch that reaches it starts the threads: see the header).
   */
  ingest(batch: Article[]): Promise<UpsertResult[]> {
    const serial = this.threads === 0 || this.submitted < this.minArticles;
    this.submitted += batch.length;
    if (serial && this.threads > 0 && this.submitted >= this.minArticles) this.start().catch(() => undefined);
    if (serial || batch.length === 0) return ingest(this.store, batch, this.opts);
    this.pooledBatches++;
    const articles = withOutletNames(batch);
    const skipped = this.store.enrichedAlready(articles);
    const prepared = skipped.then(async (skip) => (await this.start()).run(articles.filter((a) => !skip.has(a.id))));
    // Rejections are taken by the writer below; keep them from being reported as unhandled meanwhile.
    let ready = false;
    prepared.then(
      () => (ready = true),
      () => undefined,
    );
    this.queued++;
    return serialized(this.store, async () => {
      try {
        // The writer would wait on a worker: commit what it has first.
        if (!ready) await this.group?.commit();
        return await this.write(articles, await skipped, await prepared);
      } finally {
        // Nothing queued behind (the writer would wait), or the group is full: commit.
        if (this.queued-- === 1 || this.group?.full) await this.group?.commit();
      }
    });
  }

  /** The writer's part of a pooled batch: the skip checked again, then store and group (in the commit group). */
  private async write(articles: Article[], skip: Set<string>, done: PreparedArticle[]): Promise<UpsertResult[]> {
    const still = skip.size ? await this.store.enrichedAlready(articles.filter((a) => skip.has(a.id))) : new Set<string>();
    const enriched: Article[] = [];
    let next = 0;
    for (const a of articles) {
      if (!skip.has(a.id)) {
        const p = done[next++]!;
        if (p.issue) this.opts.onIssue?.(p.issue);
        enriched.push(reattach(p));
      } else if (still.has(a.id)) enriched.push(a);
      else {
        const r = enrichArticle(a);
        if (r.issue) this.opts.onIssue?.(r.issue);
        enriched.push(r.article);
      }
    }
    const store = () => storeAndGroup(this.store, enriched, this.opts);
    return this.group ? this.group.run(enriched.length, store) : store();
  }

  private start(): Promise<PiscinaPool<Article[], PreparedArticle[]>> {
    this.starting ??= (async () => {
      const { Piscina } = await import('piscina');
      this.pool = new Piscina<Article[], PreparedArticle[]>({ ...workerSpec(), minThreads: this.threads, maxThreads: this.threads, idleTimeout: 60_000 });
      return this.pool;
    })();
    return this.starting;
  }

  /** Whether the threads were started. */
  get started(): boolean {
    return this.starting !== null;
  }

  /** Stops the worker threads (after the batches submitted so far). */
  async close(): Promise<void> {
    await serialized(this.store, async () => this.group?.commit());
    const pool = this.pool;
    const starting = this.starting;
    this.pool = null;
    this.starting = null;
    // Threads still starting (started by an import's last batch, which went serially) are stopped too.
    await (pool ?? (await starting?.catch(() => null)))?.destroy();
  }
}
