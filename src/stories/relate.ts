/**
 * Related lists kept at ingest: each article's «اقرأ أيضاً» is computed when it is grouped
 * and kept (a RelatedStore), and each newcomer is offered to the lists of the articles it
 * found, so an older article's list takes in later coverage without being recomputed. A
 * page view then reads one list by id: no candidate search at request time.
 *
 * Why offering works: the score of related.ts is symmetric, so the newcomer's score
 * against a candidate is also the candidate's score against it; the newcomer enters the
 * candidate's list when it beats the list's floor (its last item when full).
 *
 * Invariants (tested in related.test.ts and test/related-kept.test.ts):
 * - a list holds at most RELATED_KEEP items, best first (ties: smaller id), one per group
 *   (the story, else the copy group, the item had when scored), never the article itself;
 * - what read time sees is filtered again by the current stories (store/related.ts): a
 *   story that later absorbed an item, or merged two items' stories, never shows twice.
 */
import { bestPerGroup, RELATED_DEFAULTS, scoreCandidates, type RelatedOptions } from './related.ts';
import type { RelatedItem, RelatedList, RelatedSource, RelatedStore, StoryEntry } from './types.ts';

/** Items kept per article: more than a page shows (5), so a story absorbing some leaves enough. */
export const RELATED_KEEP = 12;

export interface RelateCounts {
  /** Lists computed for the arrivals. */
  computed: number;
  /** Older lists a newcomer entered. */
  offered: number;
}

/** Adds `item` to a list (one item per group, the better one kept), best first, at most RELATED_KEEP. */
export function mergeItem(list: RelatedList, item: RelatedItem, self: string): RelatedList {
  if (item.id === self) return list;
  const same = list.items.find((x) => x.id === item.id || x.group === item.group);
  if (same && (same.score > item.score || (same.score === item.score && same.id <= item.id))) return list;
  const items = list.items.filter((x) => x !== same);
  items.push(item);
  items.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
  return listOf(items.slice(0, RELATED_KEEP));
}

const listOf = (items: RelatedItem[]): RelatedList => ({ items, floor: items.length >= RELATED_KEEP ? items[RELATED_KEEP - 1]!.score : 0 });

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Computes and keeps the lists of `arrivals` (entries already grouped, so their stories are
 * current), and offers each arrival to the kept lists it beats. One read of the lists
 * offered to and one write of every changed list per call.
 */
export async function relateArrivals(
  arrivals: readonly StoryEntry[],
  source: RelatedSource & RelatedStore,
  options: Partial<RelatedOptions> = {},
): Promise<RelateCounts> {
  const o = { ...RELATED_DEFAULTS, ...options };
  const changed = new Map<string, RelatedList>();
  const offers: Array<{ to: string; item: RelatedItem }> = [];
  for (const e of arrivals) {
    const scored = await scoreCandidates(e, source, o);
    const own = bestPerGroup(scored, RELATED_KEEP).map((s) => ({ id: s.c.id, score: round(s.score), group: s.group }));
    changed.set(e.id, listOf(own));
    const group = e.storyId || e.duplicateOf || e.id;
    for (const s of scored) {
      // Only into kept lists (an entry without one gets its whole list from the backfill).
      const score = round(s.score);
      if ((s.c.floor !== null && score > s.c.floor) || changed.has(s.c.id)) offers.push({ to: s.c.id, item: { id: e.id, score, group } });
    }
  }
  const missing = [...new Set(offers.map((x) => x.to).filter((id) => !changed.has(id)))];
  const held = missing.length ? await source.relatedLists(missing) : new Map<string, RelatedList>();
  const arriving = new Set(arrivals.map((a) => a.id));
  let offered = 0;
  for (const { to, item } of offers) {
    const before = changed.get(to) ?? held.get(to);
    if (!before) continue;
    const after = mergeItem(before, item, to);
    if (after === before) continue;
    changed.set(to, after);
    if (!arriving.has(to)) offered++;
  }
  await source.putRelatedLists(changed);
  return { computed: arrivals.length, offered };
}
