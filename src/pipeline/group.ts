/**
 * The stories step of the pipeline: every stored article that has no story yet gets one
 * (duplicate of an earlier copy, new coverage of a story, or a new story) through
 * src/stories' order-independent `addArticleStable` on the store's StoryIndex and
 * EdgeIndex (its edges are kept; the stories of the component an arrival touches are
 * recomputed, so they do not depend on arrival order), and its entity/keyword index rows.
 *
 * Why it reads "articles without a story" instead of the batch it was given: that makes
 * it crash-safe. An article stored by an upsert whose grouping never committed (a kill
 * between the two transactions) is simply still ungrouped, and the next run picks it up.
 * Each chunk is one transaction, so an article is grouped exactly once or not at all.
 *
 * One writer (SQLite): a chunk's entries and candidates are found first (`prepare`), then
 * the entries added since the watermark are tested in memory (docs/STORIES.md, invariant
 * 5), the chunk's entity rows are written as one batch, then entries, edges and stories,
 * in one transaction. Many workers (PostgreSQL, a store with `concurrentGrouping`): no
 * lock over the index; the chunk is added, then linked, in transactions of their own
 * (group-concurrent.ts, invariant 6).
 *
 * Related articles: the articles a chunk grouped get their kept «اقرأ أيضاً» list in the
 * same transaction (src/stories/relate.ts: computed now, and offered to the lists of the
 * older articles they beat), so a page view reads it and never searches. Lists that an
 * older database lacks (entries grouped before migration 024) are computed by a backfill
 * after the pending articles, BACKFILL per call, oldest first.
 *
 * Contract: never throws for one bad article: a chunk that fails is retried one article
 * at a time, and an article that still fails is reported (`stories.failed`) and skipped
 * for this run (it stays ungrouped, to be retried by the next one).
 */
import type { TextAnalysis } from '../arabic/index.ts';
import type { ParseIssue } from '../ingest/index.ts';
import { addArticleStable, addEntryStable, entryOf, prefind, relateArrivals, type StableOptions, type StoryEntry } from '../stories/index.ts';
import type { ConcurrentGrouping, PendingArticle, PipelineStore } from './types.ts';
import { groupConcurrently } from './group-concurrent.ts';
import { alertMatcher, recordAlertMatches } from './alerts.ts';
import type { AlertMatcher } from '../alerts/percolate.ts';

export interface GroupCounts {
  grouped: number;
  /** Related lists computed (arrivals and backfill), and older lists an arrival entered. */
  related: number;
  relatedOffers: number;
  /** Of those: joined an earlier copy (exact or near duplicate). */
  duplicates: number;
  /** Joined an existing story as new coverage. */
  joined: number;
  newStories: number;
  failed: number;
  /** Alert matches recorded (article × alert). */
  alertMatches: number;
}

export interface GroupRunOptions {
  chunk?: number;
  group?: Partial<StableOptions>;
  onIssue?: (i: ParseIssue) => void;
  /** Default analyses of articles by id, from this call's upsert (each used only if its text matches). */
  analyses?: ReadonlyMap<string, TextAnalysis>;
}

/**
 * Pending articles grouped per transaction by the one writer: a whole import batch (500) fits in one.
 * Each commit writes every page its chunk dirtied, and a chunk's entries touch pages all over
 * the key, band, document-frequency and entity indexes, most of them shared with the next
 * chunk's; 200 per transaction wrote many of those pages two or three times per batch.
 * Related lists are still computed every RELATE_EVERY arrivals: a kept list depends on which
 * entries are indexed when it is computed (newest per key), so it must see what it saw with
 * chunks of 200; hence a multiple of it.
 */
export const WRITER_CHUNK = 600;
const RELATE_EVERY = 200;

/** Lists computed per call for entries grouped before lists were kept (see the header). */
export const BACKFILL = 2000;

/** Computes and keeps the related lists of these grouped articles (and offers them to their neighbours). */
async function relate(store: PipelineStore, ids: string[], c: GroupCounts): Promise<void> {
  if (ids.length === 0) return;
  const r = await relateArrivals(await store.storyIndex.getEntries(ids), store.storyIndex);
  c.related += r.computed;
  c.relatedOffers += r.offered;
}

/** A pending article's entry and its candidates, found first; `newer` is shared by the chunk. */
interface Prepared {
  entry: StoryEntry;
  since: { older: StoryEntry[]; newer: StoryEntry[] };
}

/**
 * First: each pending article's entry and its
 * candidates among the entries held now (stable.ts `prefind`), and the watermark read
 * first. Under the lock, the entries added after the watermark (by other workers, and by
 * this chunk as it goes) are the only ones still to test, in memory.
 */
async function prepare(
  store: PipelineStore,
  pending: PendingArticle[],
  opts: GroupRunOptions,
): Promise<{ mark: number; prepared: Map<string, Prepared>; newer: StoryEntry[] }> {
  const index = store.storyIndex;
  const mark = await index.watermark();
  const newer: StoryEntry[] = [];
  const prepared = new Map<string, Prepared>();
  for (const p of pending) {
    const analyzed = opts.analyses?.get(p.article.id);
    const entry = entryOf(p.article, analyzed ? { ...opts.group, analyzed } : opts.group);
    prepared.set(p.article.id, { entry, since: { older: await prefind(index, entry, opts.group), newer } });
  }
  return { mark, prepared, newer };
}

/** Groups one article; returns its id when it was newly placed (its related list is to be made). */
async function groupOne(store: PipelineStore, p: PendingArticle, c: GroupCounts, opts: GroupRunOptions, matcher: AlertMatcher | null, pre?: Prepared): Promise<string | null> {
  // Indexed only while still ungrouped: another worker that grouped it meanwhile indexed it.
  // (A prepared chunk was indexed as one batch under the lock.)
  if (!pre) await store.indexEnrichment(p.article, { onlyUngrouped: true });
  // An entry that exists already (text edited, or a crash after grouping) keeps its story.
  if (await store.syncGrouping(p.article.id)) {
    c.grouped++;
    return null;
  }
  const analyzed = opts.analyses?.get(p.article.id);
  const a = pre
    ? await addEntryStable(store.storyIndex, pre.entry, opts.group, pre.since)
    : await addArticleStable(store.storyIndex, p.article, analyzed ? { ...opts.group, analyzed } : opts.group);
  // The chunk's later arrivals test this one in memory (it is not among their prefound candidates).
  if (pre && a.via !== 'existing') pre.since.newer.push(pre.entry);
  c.grouped++;
  // Alerts see each article once, when it is first placed (an edited article keeps its matches).
  if (matcher) c.alertMatches += await recordAlertMatches(store, matcher, p.article, a.storyId, analyzed);
  if (a.via === 'exact' || a.via === 'near') c.duplicates++;
  else if (a.via === 'story') c.joined++;
  else if (a.via === 'new') c.newStories++;
  return p.article.id;
}

/** Whether many writers group at once (PostgreSQL): no transaction over the whole index. */
export const concurrent = (s: PipelineStore): s is PipelineStore & ConcurrentGrouping => (s as { concurrentGrouping?: boolean }).concurrentGrouping === true;

/** Groups every stored article without a story; returns what happened. */
export async function groupPending(store: PipelineStore, opts: GroupRunOptions = {}): Promise<GroupCounts> {
  const c: GroupCounts = { grouped: 0, related: 0, relatedOffers: 0, duplicates: 0, joined: 0, newStories: 0, failed: 0, alertMatches: 0 };
  if (concurrent(store)) {
    // Many writers (PostgreSQL): no lock over the whole index (group-concurrent.ts).
    await groupConcurrently(store, c, opts, relate);
    await backfill(store, c, opts);
    return c;
  }
  const chunk = Math.max(1, opts.chunk ?? WRITER_CHUNK);
  let cursor = -1;
  for (;;) {
    // Per chunk: cheap when nothing changed, and a long run re-keys as its corpus grows (see alerts.ts).
    const matcher = await alertMatcher(store);
    const before = { ...c };
    let pending: PendingArticle[] = [];
    try {
      // The chunk's rows are claimed (other workers take the next ones); its candidates are
      // found first; then entries, edges and stories are added (one writer: `lock` is free).
      await store.writeTransaction(
        async (lock) => {
          pending = await store.ungrouped(cursor, chunk, { claim: true });
          if (pending.length === 0) return;
          cursor = pending.at(-1)!.cursor;
          const { mark, prepared, newer } = await prepare(store, pending, opts);
          await lock();
          await store.indexEnrichments(
            pending.map((p) => p.article),
            { onlyUngrouped: true },
          );
          newer.push(...(await store.storyIndex.entriesAfter(mark)));
          const placed: string[] = [];
          for (let i = 0; i < pending.length; i++) {
            const p = pending[i]!;
            const id = await groupOne(store, p, c, opts, matcher, prepared.get(p.article.id));
            if (id) placed.push(id);
            if ((i + 1) % RELATE_EVERY === 0) await relate(store, placed.splice(0), c);
          }
          await relate(store, placed, c);
        },
        { lateLock: true },
      );
    } catch (e) {
      if (pending.length === 0) throw e;
      Object.assign(c, before);
      for (const p of pending) {
        try {
          await store.writeTransaction(async () => {
            const id = await groupOne(store, p, c, opts, matcher);
            if (id) await relate(store, [id], c);
          });
        } catch (e) {
          c.failed++;
          opts.onIssue?.({ code: 'stories.failed', source: p.article.url ?? p.article.id, message: `grouping failed: ${(e as Error).message}` });
        }
      }
    }
    if (pending.length === 0) break;
  }
  await backfill(store, c, opts);
  return c;
}

/** Computes up to BACKFILL lists missing from an older database, a chunk per transaction. */
async function backfill(store: PipelineStore, c: GroupCounts, opts: GroupRunOptions): Promise<void> {
  const chunk = Math.max(1, opts.chunk ?? 200);
  for (let done = 0; done < BACKFILL; done += chunk) {
    const ids = await store.storyIndex.unrelated(chunk);
    if (ids.length === 0) return;
    try {
      await store.writeTransaction(() => relate(store, ids, c));
    } catch (e) {
      opts.onIssue?.({ code: 'stories.failed', source: ids[0]!, message: `related lists not computed: ${(e as Error).message}` });
      return;
    }
  }
}
