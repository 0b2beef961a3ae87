/**
 * The writer's half of `ingest`, shared by the serial path (src/pipeline/index.ts) and the
 * pooled import (pool.ts): an enriched batch → upsert → refresh the entity/keyword rows of
 * updated articles that keep their story → group what is not yet grouped. Also the per-store
 * queue that keeps these calls one at a time, and the outlet display names every path applies
 * first.
 *
 * Contract: `storeAndGroup` runs inside `serialized(store, …)` (grouping reads what the
 * previous call wrote); an article carrying an attached default analysis (src/arabic
 * attachAnalysis) is indexed and fingerprinted from it instead of being analyzed again.
 */
import { attachedAnalysis, type TextAnalysis } from '../arabic/index.ts';
import { outletName } from '../enrich/outlets.ts';
import type { ParseIssue } from '../ingest/index.ts';
import type { Article } from '../model/article.ts';
import type { StableOptions } from '../stories/index.ts';
import type { UpsertResult } from '../store/types.ts';
import { concurrent, groupPending, type GroupCounts } from './group.ts';
import type { PipelineStore } from './types.ts';

export interface IngestOptions {
  onIssue?: (i: ParseIssue) => void;
  /** Called with the grouping counts of this call. */
  onGrouped?: (c: GroupCounts) => void;
  group?: Partial<StableOptions>;
}

const queues = new WeakMap<object, Promise<unknown>>();

/** Runs `fn` after every earlier call for the same store has finished. */
export function serialized<T>(store: object, fn: () => Promise<T>): Promise<T> {
  const prev = queues.get(store) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  queues.set(store, next.catch(() => undefined));
  return next;
}

/** Outlet display names (aawsat → الشرق الأوسط), so unchanged input stays unchanged. */
export function withOutletNames(articles: Article[]): Article[] {
  return articles.map((a) => {
    const outlet = outletName(a.outlet, a.url);
    return outlet === a.outlet ? a : { ...a, outlet };
  });
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

/**
 * Stores an enriched batch and groups every article still without a story; the upsert results.
 * One writer (SQLite): the upsert and the grouping commit together, so the article rows, their
 * index pages and the grouping's mirror of story ids onto them are written to the log once per
 * batch, not once by the upsert's commit and again by the grouping's (the grouping's chunks
 * are savepoints inside). A failure anywhere rolls the whole batch back (nothing stored, as
 * when the upsert fails); an article that fails to group is still reported and skipped
 * (group.ts). Many workers (PostgreSQL): the upsert and each grouping step commit on their
 * own, as group-concurrent.ts needs.
 */
export async function storeAndGroup(store: PipelineStore, enriched: Article[], opts: IngestOptions): Promise<UpsertResult[]> {
  let c: GroupCounts | undefined;
  const write = async (): Promise<UpsertResult[]> => {
    const results = enriched.length ? await store.upsertArticles(enriched) : [];
    await reindexUpdated(store, results);
    // The upsert's analysis of each title and text, reused for the story fingerprints.
    const analyses = new Map<string, TextAnalysis>();
    results.forEach((r, i) => {
      const x = enriched[i] && attachedAnalysis(enriched[i]);
      if (x) analyses.set(r.id, x);
    });
    c = await groupPending(store, { onIssue: opts.onIssue, group: opts.group, analyses });
    return results;
  };
  const results = concurrent(store) ? await write() : await store.writeTransaction(write);
  opts.onGrouped?.(c!);
  return results;
}
