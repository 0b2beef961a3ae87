/**
 * Runs duplicate detection and story grouping over a list of articles, in the given
 * order, and returns where each article ended up. Shared by the benchmark, the hand-sample
 * printer and the tests.
 */
import type { Article } from '../../src/model/article.ts';
import { addEntry, addEntryStable, entryOf, MemoryStoryIndex, type GroupOptions, type StableOptions, type StoryEntry } from '../../src/stories/index.ts';

/** `incremental`: group.ts (the earlier pipeline, kept as the baseline); `stable`: the order-independent stable.ts the pipeline runs. */
export type Algo = 'incremental' | 'stable';

export interface Placement {
  storyId: string;
  /** The duplicate group: the earliest copy's id (the article's own id when it is the earliest). */
  dupRoot: string;
}

export interface RunResult {
  index: MemoryStoryIndex;
  placement: Map<string, Placement>;
  entryMs: number;
  groupMs: number;
}

export async function runGrouping(
  articles: readonly Article[],
  opts: Partial<GroupOptions & StableOptions> = {},
  entries?: Map<string, StoryEntry>,
  algo: Algo = 'incremental',
): Promise<RunResult> {
  const index = new MemoryStoryIndex();
  let entryMs = 0;
  let groupMs = 0;
  for (const a of articles) {
    let t = performance.now();
    const cached = entries?.get(a.id);
    const e = cached ? { ...cached, storyId: '', duplicateOf: null } : entryOf(a, opts);
    if (!cached) entries?.set(a.id, { ...e });
    entryMs += performance.now() - t;
    t = performance.now();
    await (algo === 'stable' ? addEntryStable(index, e, opts) : addEntry(index, e, opts));
    groupMs += performance.now() - t;
  }
  const placement = new Map<string, Placement>();
  for (const e of index.allEntries()) placement.set(e.id, { storyId: e.storyId, dupRoot: e.duplicateOf ?? e.id });
  return { index, placement, entryMs, groupMs };
}
