/**
 * Story collapse of search results, backend-neutral (the rule: src/store/query.ts).
 * A backend hands over scored matches that carry their story key; `topStories` keeps the
 * best `n` stories by their best copy (what each backend's SQL computes the same way when
 * it can), `foldStories` keeps the best-ranked copy of each story after re-ranking.
 */

export interface StoryScored {
  /** The story key (src/store/query.ts `storyKeySql`). */
  story: string;
  base: number;
  seq: number;
}

/**
 * The copies of the best `n` stories (a story ranks by its best copy's `base`; ties: the
 * smaller key), at most `perStory` each (best `base` first, ties: the smaller seq), with
 * the number of stories and each kept story's number of matches.
 */
export function topStories<T extends StoryScored>(matches: T[], n: number, perStory: number): { top: T[]; total: number; copies: Map<string, number> } {
  const by = new Map<string, T[]>();
  for (const m of matches) {
    let l = by.get(m.story);
    if (!l) by.set(m.story, (l = []));
    l.push(m);
  }
  const order = (x: T, y: T) => y.base - x.base || x.seq - y.seq;
  const stories = [...by.entries()].map(([story, l]) => ({ story, l: l.sort(order) }));
  stories.sort((x, y) => y.l[0]!.base - x.l[0]!.base || (x.story < y.story ? -1 : x.story > y.story ? 1 : 0));
  const kept = stories.slice(0, n);
  return {
    top: kept.flatMap((s) => s.l.slice(0, perStory)),
    total: stories.length,
    copies: new Map(kept.map((s) => [s.story, s.l.length])),
  };
}

/**
 * One row per story from a ranked list (best first): each story's first row, in order,
 * with how many other matches of that story it folds (`copies` − 1, or the other rows
 * of the list when `copies` does not know the story).
 */
export function foldStories<T extends { story: string }>(ranked: T[], copies: ReadonlyMap<string, number>): Array<T & { folded: number }> {
  const seen = new Map<string, number>();
  for (const r of ranked) seen.set(r.story, (seen.get(r.story) ?? 0) + 1);
  const out: Array<T & { folded: number }> = [];
  const done = new Set<string>();
  for (const r of ranked) {
    if (done.has(r.story)) continue;
    done.add(r.story);
    out.push({ ...r, folded: (copies.get(r.story) ?? seen.get(r.story)!) - 1 });
  }
  return out;
}
