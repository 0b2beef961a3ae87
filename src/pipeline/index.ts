/**
 * The pipeline: the one place that puts the per-article stages in order.
 *
 *   enrich (entities, keywords) → upsert (the Store) → stories (duplicates, story
 *   assignment and the entity/keyword index, for every article not yet grouped; updated
 *   articles that keep their story get their entity/keyword rows refreshed)
 *
 * Related articles are kept by the stories step (group.ts: computed for each arrival and
 * offered to its neighbours' lists), so a page reads them. `marsad import`,
 * the feed poller and the demo loader all call `ingest`.
 *
 * Contract: idempotent (re-ingesting changes nothing and creates no story); crash-safe
 * (see group.ts: what was stored but not grouped is grouped by the next call); one call
 * at a time per store (calls are queued), since grouping reads what the previous one
 * wrote. Enrichment is skipped for articles whose stored text is unchanged.
 */
import { attachedAnalysis, type TextAnalysis } from '../arabic/index.ts';
import type { ParseIssue } from '../ingest/index.ts';
import type { Article } from '../model/article.ts';
import type { StableOptions } from '../stories/index.ts';
import type { UpsertResult } from '../store/types.ts';
import { enrichBatch } from './enrich.ts';
import { outletName } from '../enrich/outlets.ts';
import { groupPending, type GroupCounts } from './group.ts';
import type { PipelineStore } from './types.ts';

export type { PipelineStore, PendingArticle } from './types.ts';
export { groupPending, type GroupCounts } from './group.ts';
export { enrichArticle } from './enrich.ts';

export interface IngestOptions {
  onIssue?: (i: ParseIssue) => void;
  /** Called with the grouping counts of this call. */
  onGrouped?: (c: GroupCounts) => void;
  group?: Partial<StableOptions>;
}

const queues = new WeakMap<object, Promise<unknown>>();

/** Runs `fn` after every earlier call for the same store has finished. */
function serialized<T>(store: object, fn: () => Promise<T>): Promise<T> {
  const prev = queues.get(store) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  queues.set(store, next.catch(() => undefined));
  return next;
}

/**
 * An updated article keeps its story when its text did not change, so the grouping step
 * will not see it: its entity and keyword rows are refreshed here.
 */
async function reindexUpdated(store: PipelineStore, results: UpsertResult[]): Promise<void> {
  const ids = results.filter((r) => r.status === 'updated').map((r) => r.id);
  if (ids.length === 0) return;
  await store.writeTransaction(async () => {
    for (const id of ids) {
      const a = await store.getArticle(id);
      if (a) await store.indexEnrichment(a);
    }
  });
}

/** Enriches, stores and groups a batch; returns the store's upsert results (one per article). */
export function ingest(store: PipelineStore, articles: Article[], opts: IngestOptions = {}): Promise<UpsertResult[]> {
  return serialized(store, async () => {
    // Outlet display names first (aawsat → الشرق الأوسط), so unchanged input stays unchanged.
    articles = articles.map((a) => {
      const outlet = outletName(a.outlet, a.url);
      return outlet === a.outlet ? a : { ...a, outlet };
    });
    const skip = articles.length ? await store.enrichedAlready(articles) : new Set<string>();
    const enriched = await enrichBatch(articles, skip, opts.onIssue);
    const results = enriched.length ? await store.upsertArticles(enriched) : [];
    await reindexUpdated(store, results);
    // The upsert's analysis of each title and text, reused for the story fingerprints.
    const analyses = new Map<string, TextAnalysis>();
    results.forEach((r, i) => {
      const x = enriched[i] && attachedAnalysis(enriched[i]);
      if (x) analyses.set(r.id, x);
    });
    const c = await groupPending(store, { onIssue: opts.onIssue, group: opts.group, analyses });
    opts.onGrouped?.(c);
    return results;
  });
}

/** Groups whatever a crashed run left ungrouped (also done by every `ingest`). */
export function resume(store: PipelineStore, opts: IngestOptions = {}): Promise<GroupCounts> {
  return serialized(store, () => groupPending(store, { onIssue: opts.onIssue, group: opts.group }));
}
