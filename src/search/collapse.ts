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
 * of the list when `copies` does not know the story), and `also`: up to `also` of the
 * story's next rows (best first) whose headline differs from the shown one's and from
 * each other's, so the row can name them (a reader looking for one outlet's headline
 * still sees it).
 */
export function foldStories<T extends { story: string; titleNorms?: string[] }>(ranked: T[], copies: ReadonlyMap<string, number>, also = 0): Array<T & { folded: number; also: T[] }> {
  const rows = new Map<string, T & { folded: number; also: T[] }>();
  const heads = new Map<string, Set<string>>();
  const seen = new Map<string, number>();
  const head = (r: T) => (r.titleNorms ?? []).join(' ');
  for (const r of ranked) {
    seen.set(r.story, (seen.get(r.story) ?? 0) + 1);
    const row = rows.get(r.story);
    if (!row) {
      rows.set(r.story, { ...r, folded: 0, also: [] });
      heads.set(r.story, new Set([head(r)]));
    } else if (row.also.length < also && !heads.get(r.story)!.has(head(r))) {
      row.also.push(r);
      heads.get(r.story)!.add(head(r));
    }
  }
  for (const row of rows.values()) row.folded = (copies.get(row.story) ?? seen.get(row.story)!) - 1;
  return [...rows.values()];
}
