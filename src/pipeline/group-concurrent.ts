/**
 * The stories step for a store with many concurrent writers (PostgreSQL's `marsad worker`s),
 * with no lock over the whole index: per chunk of pending articles, two transactions.
 *
 * 1. **Add**: the chunk's rows are claimed (`FOR UPDATE SKIP LOCKED`: other workers take
 *    the next ones), their story entries added unlinked (src/stories/link.ts), their entity
 *    and keyword rows written last (hot counter rows held only until the commit).
 * 2. **Link**, LINK_CHUNK at a time: the rows claimed again (still ungrouped), each entry
 *    linked (`linkEntry`: candidates among everything committed, edges, the component's
 *    stories under row locks), its alerts matched, its related list marked to be computed.
 * 3. **Relate**: the chunk's related lists (src/stories/relate.ts), once all of it is
 *    linked, as one writer computes them (so one worker keeps SQLite's lists); a crash
 *    before leaves them marked, and the backfill computes them.
 *
 * A worker waits on another only where their arrivals reach the same entries; a deadlock
 * between two (or a serialization failure) rolls one back, and it is retried (RETRIES
 * times, then the chunk falls back to one article per transaction, as group.ts does for
 * failures; an article that still fails is reported `stories.failed` and left ungrouped).
 * Crash-safe as group.ts: an article is ungrouped (`story_id IS NULL`) until its link
 * commits; an entry added but never linked is linked by the next run.
 */
import type { TextAnalysis } from '../arabic/index.ts';
import { DEFAULT_PARAMS, entryOf, keysAndBands, linkEntry, UNLINKED, type StoryEntry } from '../stories/index.ts';
import type { AlertMatcher } from '../alerts/percolate.ts';
import { alertMatcher, recordAlertMatches } from './alerts.ts';
import type { GroupCounts, GroupRunOptions } from './group.ts';
import type { ConcurrentGrouping, PendingArticle, PipelineStore } from './types.ts';

type Store = PipelineStore & ConcurrentGrouping;

/** Arrivals linked per transaction: the entries they lock are held until its commit. */
export const LINK_CHUNK = 10;
/** Attempts of a transaction that lost a deadlock or a serialization conflict. */
export const RETRIES = 8;

const retryable = (e: unknown): boolean => ['40P01', '40001'].includes(String((e as { code?: string }).code));

/** Runs `tx` again when the database aborted it for a deadlock or conflict; `undo` resets what it counted. */
async function retrying<T>(tx: () => Promise<T>, undo: () => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await tx();
    } catch (e) {
      undo();
      if (!retryable(e)) throw e;
      if (attempt >= RETRIES) throw new Error(`grouping: still conflicting after ${RETRIES} attempts (${(e as Error).message})`, { cause: e });
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

function entryFor(p: PendingArticle, opts: GroupRunOptions): StoryEntry {
  const analyzed: TextAnalysis | undefined = opts.analyses?.get(p.article.id);
  const e = entryOf(p.article, analyzed ? { ...opts.group, analyzed } : opts.group);
  e.storyId = UNLINKED;
  e.duplicateOf = null;
  return e;
}

/**
 * An entry held already (added by another worker, or linked before), ready to link: its
 * keys and bands derived from its stored terms and shingles as entryOf made them
 * (src/stories/held.ts), so its text is not analyzed again.
 */
async function heldEntries(store: Store, ids: string[], opts: GroupRunOptions): Promise<Map<string, StoryEntry>> {
  const out = new Map<string, StoryEntry>();
  for (const e of await store.storyIndex.getEntries(ids)) {
    const kb = keysAndBands(e, { params: opts.group?.params ?? DEFAULT_PARAMS });
    out.set(e.id, { ...e, keys: [...kb.keys], bands: [...kb.bands] });
  }
  return out;
}

/** Step 1 for these claimed rows: entries added unlinked (those not held yet), then the entity rows. */
async function addStep(store: Store, pending: PendingArticle[], opts: GroupRunOptions, entries: Map<string, StoryEntry>): Promise<void> {
  const held = await heldEntries(store, pending.map((p) => p.article.id), opts);
  const mine: StoryEntry[] = [];
  for (const p of pending) {
    const h = held.get(p.article.id);
    if (h) entries.set(p.article.id, h);
    else {
      const e = entryFor(p, opts);
      entries.set(p.article.id, e);
      mine.push(e);
    }
  }
  await store.storyIndex.addKeys(mine);
  await store.storyIndex.addUnlinked(mine);
  await store.indexEnrichments(
    pending.map((p) => p.article),
    { onlyUngrouped: true },
  );
}

/** Step 2 for one article (claimed, entry committed); its id when newly placed. */
async function linkOne(store: Store, p: PendingArticle, e: StoryEntry, c: GroupCounts, opts: GroupRunOptions, matcher: AlertMatcher | null): Promise<string | null> {
  const a = await linkEntry(store.storyIndex, e, opts.group);
  c.grouped++;
  // Linked before (text edited since, or a crash between link and mirror): it keeps its story.
  // (linkEntry reads the stored entry and answers `existing` for it, so no read of our own.)
  if (a.via === 'existing') {
    await store.syncGrouping(p.article.id);
    return null;
  }
  if (matcher) c.alertMatches += await recordAlertMatches(store, matcher, p.article, a.storyId, opts.analyses?.get(p.article.id));
  if (a.via === 'exact' || a.via === 'near') c.duplicates++;
  else if (a.via === 'story') c.joined++;
  else if (a.via === 'new') c.newStories++;
  return p.article.id;
}

/** A kept list still to be computed: the backfill's mark (group.ts), so a crash before `relate` leaves it to the backfill. */
const TO_RELATE = { items: [], floor: -1 };

/** Links these ids (those still ungrouped and not claimed elsewhere); the ids placed, their lists marked to be computed. */
async function linkStep(store: Store, ids: string[], entries: Map<string, StoryEntry>, c: GroupCounts, opts: GroupRunOptions, matcher: AlertMatcher | null): Promise<string[]> {
  const claimed = await store.claimUngrouped(ids);
  const placed: string[] = [];
  for (const p of claimed) {
    const e = entries.get(p.article.id) ?? entryFor(p, opts);
    const id = await linkOne(store, p, e, c, opts, matcher);
    if (id) placed.push(id);
  }
  await store.storyIndex.putRelatedLists(new Map(placed.map((id) => [id, TO_RELATE])));
  return placed;
}

export type Relate = (store: PipelineStore, ids: string[], c: GroupCounts) => Promise<void>;

/** Groups every pending article (see the header); counts into `c`. */
export async function groupConcurrently(store: Store, c: GroupCounts, opts: GroupRunOptions, relate: Relate): Promise<void> {
  const chunk = Math.max(1, opts.chunk ?? 200);
  let cursor = -1;
  for (;;) {
    const matcher = await alertMatcher(store);
    const entries = new Map<string, StoryEntry>();
    let pending: PendingArticle[] = [];
    try {
      await retrying(
        () =>
          store.writeTransaction(async () => {
            pending = await store.ungrouped(cursor, chunk, { claim: true });
            if (pending.length) await addStep(store, pending, opts, entries);
          }),
        () => entries.clear(),
      );
    } catch (e) {
      if (pending.length === 0) throw e;
      // One article at a time below: its entry is added by the link's fallback.
    }
    if (pending.length === 0) break;
    cursor = pending.at(-1)!.cursor;
    const placed: string[] = [];
    for (let i = 0; i < pending.length; i += LINK_CHUNK) {
      const part = pending.slice(i, i + LINK_CHUNK);
      const before = { ...c };
      try {
        placed.push(
          ...(await retrying(
            () => store.writeTransaction(() => linkStep(store, part.map((p) => p.article.id), entries, c, opts, matcher)),
            () => Object.assign(c, before),
          )),
        );
      } catch {
        placed.push(...(await oneByOne(store, part, entries, c, opts, matcher)));
      }
    }
    // The chunk's lists once all of it is linked (as one writer computes them: group.ts).
    const before = { ...c };
    try {
      await retrying(
        () => store.writeTransaction(() => relate(store, placed, c)),
        () => Object.assign(c, before),
      );
    } catch (e) {
      opts.onIssue?.({ code: 'stories.failed', source: placed[0] ?? '', message: `related lists left to the backfill: ${(e as Error).message}` });
    }
  }
}

/** The fallback: each article's add and link in their own transactions; failures reported and skipped. */
async function oneByOne(store: Store, part: PendingArticle[], entries: Map<string, StoryEntry>, c: GroupCounts, opts: GroupRunOptions, matcher: AlertMatcher | null): Promise<string[]> {
  const placed: string[] = [];
  for (const p of part) {
    const before = { ...c };
    try {
      await retrying(
        () =>
          store.writeTransaction(async () => {
            const claimed = await store.claimUngrouped([p.article.id]);
            if (claimed.length && !entries.has(p.article.id)) await addStep(store, claimed, opts, entries);
          }),
        () => entries.delete(p.article.id),
      );
      placed.push(
        ...(await retrying(
          () => store.writeTransaction(() => linkStep(store, [p.article.id], entries, c, opts, matcher)),
          () => Object.assign(c, before),
        )),
      );
    } catch (e) {
      Object.assign(c, before);
      c.failed++;
      opts.onIssue?.({ code: 'stories.failed', source: p.article.url ?? p.article.id, message: `grouping failed: ${(e as Error).message}` });
    }
  }
  return placed;
}
