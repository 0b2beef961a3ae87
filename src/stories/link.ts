/**
 * The order-independent grouping of stable.ts for many workers at once, without a lock
 * over the whole index (PostgreSQL's `marsad worker`s). Grouping an arrival is split in two
 * steps, each committed by the caller in its own transaction:
 *
 * 1. **Add** (`UNLINKED`): the arrival's entry is stored with its keys and bands but no
 *    story (story id `''`), and committed. Nothing else is read or written.
 * 2. **Link** (`linkEntry`): after that commit, its candidates are searched among every
 *    entry held — linked or not —, its edges added, then the stories of its component are
 *    recomputed while the component's entries are locked (`lockEntries`).
 *
 * Why no edge is missed: of two arrivals that are each other's candidates, the one whose
 * add committed second links after that commit, so its search sees the other (whether or
 * not the other is linked yet). Edges are pure (stable.ts), so either side adding the pair
 * gives the same edge.
 *
 * Why components stay right: a link recomputes a component only while holding row locks on
 * every entry it reached (members, and unlinked neighbours, whose own link it thus waits
 * for or precedes), and it traverses the component again after each lock until nothing new
 * is reached, so what it partitions includes every edge committed by anyone touching those
 * entries. Unlinked entries are neither expanded nor placed (partition ignores edges
 * naming them); their own link, which locks its entry, recomputes with them. So once every
 * arrival is linked, every component was last recomputed with all of its entries and
 * edges: the same stories as one process adding them in any order (stable.ts invariant 3).
 *
 * Deadlocks between two links locking overlapping components in different orders are
 * possible; the database aborts one and the caller retries it (src/pipeline/group-concurrent.ts).
 */
import { frozenWeights } from './frozen.ts';
import type { Assignment } from './group.ts';
import { assignmentOf, candidates, component, edgeOf, placeComponent, STABLE_DEFAULTS, type EdgeStoryIndex, type StableOptions } from './stable.ts';
import type { StoryEdge, StoryEntry } from './types.ts';

/** The story id of an entry added but not yet linked. */
export const UNLINKED = '';

/** An edge index whose entries can be locked until the end of the caller's transaction. */
export interface LockingIndex extends EdgeStoryIndex {
  /** Locks these entries (each held to the end of the transaction; re-locking one held is free). */
  lockEntries(ids: string[]): Promise<void>;
}

/**
 * The entries connected to `start` through held edges, expanding only linked entries (and
 * `start`); `ids` also holds the unlinked entries reached, `edges` every edge read. `start`
 * is the arrival as read at the link's start: unlinked, and no one else's link changes it
 * (partition never places an unlinked entry), so it is not read again.
 */
async function linkedComponent(index: LockingIndex, start: StoryEntry): Promise<{ ids: Set<string>; edges: StoryEdge[]; entries: Map<string, StoryEntry> }> {
  const entries = new Map<string, StoryEntry>([[start.id, start]]);
  const { ids, edges } = await component(index, start.id, async (reached) => {
    const got = await index.getEntries(reached);
    for (const e of got) entries.set(e.id, e);
    return got.filter((e) => e.storyId !== UNLINKED).map((e) => e.id);
  });
  return { ids, edges, entries };
}

/**
 * Links an entry added before (and committed) as `UNLINKED`: its edges, then its component's
 * stories, computed under row locks of every entry reached. An entry linked already is
 * returned as it is (`via: 'existing'`); the caller makes sure one transaction at a time
 * links an entry (PostgreSQL: its article row is claimed).
 */
export async function linkEntry(index: LockingIndex, e: StoryEntry, options: Partial<StableOptions> = {}): Promise<Assignment> {
  const o = { ...STABLE_DEFAULTS, ...options };
  const w = o.weights ?? frozenWeights();
  const [prev] = await index.getEntries([e.id]);
  if (!prev) throw new Error(`linkEntry: ${e.id} was not added`);
  if (prev.storyId !== UNLINKED) return { id: prev.id, storyId: prev.storyId, duplicateOf: prev.duplicateOf, via: 'existing', matched: null, score: null };

  const cands = await index.getEntries([...(await candidates(index, e, o, w))]);
  const edges: StoryEdge[] = [];
  for (const c of cands) {
    const ed = edgeOf(e, c, o, w);
    if (ed) edges.push(ed);
  }
  if (edges.length) await index.addEdges(edges);

  // Lock what the component reaches (the arrival too, in one sorted statement, so two links
  // rarely wait on each other crosswise), then read it again, until a read reaches nothing new.
  const locked = new Set<string>();
  let comp = await linkedComponent(index, prev);
  for (;;) {
    const more = [...comp.ids].filter((id) => !locked.has(id));
    if (more.length === 0) break;
    await index.lockEntries(more);
    for (const id of more) locked.add(id);
    comp = await linkedComponent(index, prev);
  }
  const members = [...comp.entries.values()].filter((m) => m.id === e.id || m.storyId !== UNLINKED);
  const placed = await placeComponent(index, e.id, members, comp.edges, o);
  return assignmentOf(e, edges, cands, placed.get(e.id)!);
}
