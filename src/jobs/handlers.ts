/**
 * Binds the declared jobs (definitions.ts) to their work, backend-neutral: the same
 * handlers run on the in-process queue and on pg-boss. poll-source polls a feed (poll.ts);
 * fetch-page fetches one article page and parses it; process-articles validates a batch of
 * article records and hands it to the pipeline. Requests go through `perHost`, the
 * politeness gate (in-process, or across workers: locks.ts). Expected failures (a 404, a
 * page with no article) are logged outcomes, not retries; unexpected ones throw, so the
 * queue retries them with backoff.
 */
import type { Logger } from 'pino';
import { fetchUrl, type FetchOptions } from '../ingest/fetch/index.ts';
import { parseDocument } from '../ingest/index.ts';
import { makeArticle, type Article, type ArticleInput } from '../model/article.ts';
import { FETCH_PAGE, POLL_SOURCE, PROCESS_ARTICLES } from './definitions.ts';
import { pollSource } from './poll.ts';
import type { SourceStateStore } from './scheduler.ts';
import type { Queue } from './types.ts';

export interface HandlerDeps {
  states: SourceStateStore;
  /** The pipeline's entry: enrich, store and group a batch. */
  ingest: (articles: Article[]) => Promise<unknown>;
  perHost: <T>(url: string, fn: () => Promise<T>) => Promise<T>;
  fetch?: FetchOptions;
  log?: Logger;
}

/** An article record from a process-articles payload, or null when it is not one. */
export function articleFromRecord(r: Record<string, unknown>): Article | null {
  if (typeof r.title !== 'string' || typeof r.text !== 'string' || !r.title.trim()) return null;
  const a = makeArticle(r as unknown as ArticleInput);
  return typeof r.id === 'string' && /^[0-9a-f]{16}$/.test(r.id) ? { ...a, id: r.id } : a;
}

async function timed<T>(log: Logger | undefined, job: string, jobId: string, attempt: number, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  log?.debug({ job, job_id: jobId, attempt }, 'job start');
  try {
    const out = await fn();
    log?.info({ job, job_id: jobId, attempt, outcome: 'ok', ms: Math.round(performance.now() - t0) }, 'job done');
    return out;
  } catch (e) {
    log?.warn({ job, job_id: jobId, attempt, outcome: 'error', err: (e as Error).message, ms: Math.round(performance.now() - t0) }, 'job failed');
    throw e;
  }
}

/** Registers every job's handler on `queue` with `concurrency` each. */
export async function bindHandlers(queue: Queue, deps: HandlerDeps, concurrency = 1): Promise<void> {
  const { log } = deps;
  await queue.work(
    POLL_SOURCE,
    (p, ctx) =>
      timed(log, POLL_SOURCE.name, ctx.jobId, ctx.attempt, async () => {
        const out = await pollSource({ states: deps.states, ingest: deps.ingest, perHost: deps.perHost, fetch: deps.fetch }, p.sourceId);
        if (out?.status === 'error') log?.warn({ job: POLL_SOURCE.name, source_id: p.sourceId, err: out.error }, 'poll failed');
      }),
    { concurrency },
  );
  await queue.work(
    FETCH_PAGE,
    (p, ctx) =>
      timed(log, FETCH_PAGE.name, ctx.jobId, ctx.attempt, async () => {
        const r = await deps.perHost(p.url, () => fetchUrl(p.url, deps.fetch));
        if (!r.ok) {
          // 4xx are final; anything else (5xx, network) is worth a retry.
          if (r.status !== undefined && r.status >= 400 && r.status < 500) {
            log?.warn({ job: FETCH_PAGE.name, url: p.url, code: r.code }, 'page not fetched');
            return;
          }
          throw new Error(`${r.code}: ${r.message}`);
        }
        const parsed = await parseDocument({ name: p.url, bytes: r.bytes, contentType: r.contentType, url: r.url });
        const articles = p.via ? parsed.articles.map((a) => ({ ...a, via: a.via ?? p.via ?? null })) : parsed.articles;
        if (articles.length) await deps.ingest(articles);
      }),
    { concurrency },
  );
  await queue.work(
    PROCESS_ARTICLES,
    (p, ctx) =>
      timed(log, PROCESS_ARTICLES.name, ctx.jobId, ctx.attempt, async () => {
        const articles = p.articles.map(articleFromRecord).filter((a): a is Article => a !== null);
        if (articles.length < p.articles.length) log?.warn({ job: PROCESS_ARTICLES.name, name: p.name, skipped: p.articles.length - articles.length }, 'invalid article records');
        if (articles.length) await deps.ingest(articles);
      }),
    { concurrency },
  );
}
