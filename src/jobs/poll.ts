/**
 * The poll-source job: conditional GET of a feed, parse, hand the articles to the
 * pipeline, record the outcome and the next poll time. A source that cannot be reached
 * is recorded with its error (shown on the admin page), never a crash.
 */
import type { Article } from '../model/article.ts';
import { fetchUrl, type FetchOptions } from '../ingest/fetch/index.ts';
import { parseDocument } from '../ingest/index.ts';
import { nextPollTime, type PollOutcome, type SourceStateStore } from './scheduler.ts';

export interface PollDeps {
  states: SourceStateStore;
  /** The pipeline's entry: enrich, group and store a batch. */
  ingest: (articles: Article[]) => Promise<unknown>;
  fetch?: FetchOptions;
  /** Serializes requests per host (at most one at a time); identity when absent. */
  perHost?: <T>(url: string, fn: () => Promise<T>) => Promise<T>;
  now?: () => Date;
}

/** Polls one source and records the outcome; returns it (for logs and tests). */
export async function pollSource(deps: PollDeps, sourceId: string): Promise<PollOutcome | null> {
  const state = await deps.states.getPollState(sourceId);
  if (!state) return null; // removed since it was enqueued
  const now = (deps.now ?? (() => new Date()))();
  const perHost = deps.perHost ?? (<T>(_u: string, fn: () => Promise<T>) => fn());
  const fail = (error: string): PollOutcome => ({
    lastFetch: now.toISOString(),
    status: 'error',
    error,
    etag: state.etag,
    lastModified: state.lastModified,
    errorCount: state.errorCount + 1,
    nextPoll: nextPollTime(now, state.intervalSec, state.errorCount + 1).toISOString(),
  });
  let outcome: PollOutcome;
  try {
    const r = await perHost(state.url, () => fetchUrl(state.url, { ...deps.fetch, etag: state.etag, lastModified: state.lastModified }));
    if (!r.ok) {
      outcome = fail(`${r.code}: ${r.message}`);
    } else if (r.notModified) {
      outcome = { lastFetch: now.toISOString(), status: 'not_modified', error: null, etag: r.etag ?? state.etag, lastModified: r.lastModified ?? state.lastModified, errorCount: 0, nextPoll: nextPollTime(now, state.intervalSec, 0).toISOString() };
    } else {
      const parsed = await parseDocument({ name: state.url, bytes: r.bytes, contentType: r.contentType, url: r.url });
      if (parsed.articles.length === 0 && parsed.errors.length > 0) {
        outcome = fail(parsed.errors.map((e) => `${e.code}: ${e.message}`).slice(0, 3).join('; '));
      } else {
        await deps.ingest(parsed.articles);
        const title = parsed.articles.find((a) => a.via)?.via ?? null;
        outcome = { lastFetch: now.toISOString(), status: 'ok', error: parsed.errors.length ? `${parsed.errors.length} item(s) skipped: ${parsed.errors[0]!.message}` : null, etag: r.etag, lastModified: r.lastModified, errorCount: 0, nextPoll: nextPollTime(now, state.intervalSec, 0).toISOString(), title };
      }
    }
  } catch (e) {
    outcome = fail(`poll.failed: ${(e as Error).message}`);
  }
  await deps.states.recordPoll(sourceId, outcome);
  return outcome;
}
