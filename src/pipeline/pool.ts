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
 * Small imports are not slowed by thread start-up: the first `minArticles` articles
 * (default 2,000) go through the serial `ingest`, and the threads start only after them.
 */
import { availableParallelism } from 'node:os';
import type { Piscina as PiscinaPool } from 'piscina';
import type { Article } from '../model/article.ts';
import { threadModule } from '../paths.ts';
import type { UpsertResult } from '../store/types.ts';
import { enrichArticle } from './enrich.ts';
import { ingest } from './index.ts';
import { reattach, type PreparedArticle } from './prepare.ts';
import type { PipelineStore } from './types.ts';
import { serialized, storeAndGroup, withOutletNames, type IngestOptions } from './write.ts';

export interface PoolOptions extends IngestOptions {
  /** Worker threads (default: available parallelism − 1, at least 1); 0 runs everything serially. */
  threads?: number;
  /** Articles that go through the serial path before the threads start (default 2,000). */
  minArticles?: number;
}

export const DEFAULT_MIN_ARTICLES = 2000;

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
  /** Batches prepared by the worker threads. */
  pooledBatches = 0;

  constructor(
    private readonly store: PipelineStore,
    private readonly opts: PoolOptions = {},
  ) {
    this.threads = Math.max(0, Math.floor(opts.threads ?? defaultThreads()));
    this.minArticles = Math.max(0, opts.minArticles ?? DEFAULT_MIN_ARTICLES);
  }

  /** Like `ingest(store, batch, opts)`, with enrichment and analysis in a worker thread once past `minArticles`. */
  ingest(batch: Article[]): Promise<UpsertResult[]> {
    const serial = this.threads === 0 || this.submitted < this.minArticles;
    this.submitted += batch.length;
    if (serial || batch.length === 0) return ingest(this.store, batch, this.opts);
    this.pooledBatches++;
    const articles = withOutletNames(batch);
    const skipped = this.store.enrichedAlready(articles);
    const prepared = skipped.then(async (skip) => (await this.start()).run(articles.filter((a) => !skip.has(a.id))));
    // Rejections are taken by the writer below; keep them from being reported as unhandled meanwhile.
    prepared.catch(() => undefined);
    return serialized(this.store, async () => {
      const [skip, done] = [await skipped, await prepared];
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
      return storeAndGroup(this.store, enriched, this.opts);
    });
  }

  private start(): Promise<PiscinaPool<Article[], PreparedArticle[]>> {
    this.starting ??= (async () => {
      const { Piscina } = await import('piscina');
      this.pool = new Piscina<Article[], PreparedArticle[]>({ ...workerSpec(), minThreads: this.threads, maxThreads: this.threads, idleTimeout: 60_000 });
      return this.pool;
    })();
    return this.starting;
  }

  /** Stops the worker threads (after the batches submitted so far). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    this.starting = null;
    await pool?.destroy();
  }
}
