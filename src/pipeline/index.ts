/**
 * The pipeline: the one place that puts the per-article stages in order.
 *
 *   enrich (entities, keywords) → upsert (the Store) → stories (duplicates, story
 *   assignment and the entity/keyword index, for every article not yet grouped; updated
 *   articles that keep their story get their entity/keyword rows refreshed)
 *
 * Related articles are kept by the stories step (group.ts: computed for each arrival and
 * offered to its neighbours' lists), so a page reads them. The feed poller and the demo
 * loader call `ingest`; `marsad import` calls it through pool.ts, which past the first
 * articles enriches and analyzes in worker threads and writes through the same
 * `storeAndGroup` (write.ts), with the same result.
 *
 * Contract: idempotent (re-ingesting changes nothing and creates no story); crash-safe
 * (see group.ts: what was stored but not grouped is grouped by the next call); one call
 * at a time per store (calls are queued), since grouping reads what the previous one
 * wrote. Enrichment is skipped for articles whose stored text is unchanged.
 */
import type { Article } from '../model/article.ts';
import type { UpsertResult } from '../store/types.ts';
import { groupPending, type GroupCounts } from './group.ts';
import { prepareBatch } from './prepare.ts';
import type { PipelineStore } from './types.ts';
import { serialized, storeAndGroup, withOutletNames, type IngestOptions } from './write.ts';

export type { PipelineStore, PendingArticle } from './types.ts';
export { groupPending, type GroupCounts } from './group.ts';
export { enrichArticle } from './enrich.ts';
export type { IngestOptions } from './write.ts';

/** Enriches, stores and groups a batch; returns the store's upsert results (one per article). */
export function ingest(store: PipelineStore, articles: Article[], opts: IngestOptions = {}): Promise<UpsertResult[]> {
  return serialized(store, async () => {
    articles = withOutletNames(articles);
    const skip = articles.length ? await store.enrichedAlready(articles) : new Set<string>();
    // Enrichment with the index analysis, fingerprint and row hashes (prepare.ts), as a worker thread makes them.
    const enriched = await prepareBatch(articles, skip, opts.onIssue);
    return storeAndGroup(store, enriched, opts);
  });
}

/** Groups whatever a crashed run left ungrouped (also done by every `ingest`). */
export function resume(store: PipelineStore, opts: IngestOptions = {}): Promise<GroupCounts> {
  return serialized(store, () => groupPending(store, { onIssue: opts.onIssue, group: opts.group }));
}
