/**
 * Stories of one connected component of the edge graph, as a pure function of its nodes
 * and edges (src/stories/stable.ts keeps the graph and calls this for the component an
 * arrival touches). Nothing here reads arrival order, so neither does the result.
 *
 * Rule (the chaining guard, decided on the whole component at once):
 * 1. Duplicate groups: connected components of `dup` edges; the group's original is its
 *    earliest article (time, then smallest id) and every other member's `duplicateOf`.
 * 2. Cores: duplicate groups joined by strong `story` edges (score ≥ `strong`).
 * 3. A core made of one duplicate group (one report, however many copies) attaches to the
 *    core it has its best `story` edge with (highest score; ties: the core whose earliest
 *    article is earliest). Cores of several reports never merge through weak edges, and a
 *    lone report links at most one pair of cores, so a weak bridge cannot chain events.
 * 4. A story's id is `s-<id of its earliest article>`.
 */
import type { StoryEdge } from './types.ts';

export interface PartNode {
  id: string;
  time: number;
}

export interface Placed {
  storyId: string;
  duplicateOf: string | null;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  /** Joins two sets; the smaller index (the earlier node) stays the root. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

export const earlierNode = (a: PartNode, b: PartNode): number => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Story and duplicate root of every node; edges naming an absent node are ignored. */
export function partition(nodes: readonly PartNode[], edges: readonly StoryEdge[], strong: number): Map<string, Placed> {
  // Index = rank in (time, id) order, so a union-find root is its set's earliest node.
  const sorted = [...nodes].sort(earlierNode);
  const rank = new Map(sorted.map((n, i) => [n.id, i]));
  const pairs: Array<{ i: number; j: number; e: StoryEdge }> = [];
  for (const e of edges) {
    const i = rank.get(e.a);
    const j = rank.get(e.b);
    if (i !== undefined && j !== undefined && i !== j) pairs.push({ i, j, e });
  }
  const dup = new UnionFind(sorted.length);
  for (const p of pairs) if (p.e.kind === 'dup') dup.union(p.i, p.j);
  const core = new UnionFind(sorted.length);
  for (const p of pairs) if (p.e.kind === 'dup' || p.e.score >= strong) core.union(p.i, p.j);
  // Reports (duplicate groups) per core.
  const reports = new Map<number, Set<number>>();
  for (let i = 0; i < sorted.length; i++) {
    const c = core.find(i);
    let s = reports.get(c);
    if (!s) reports.set(c, (s = new Set()));
    s.add(dup.find(i));
  }
  // Each one-report core's best weak edge to another core, decided on the cores of step 2.
  const best = new Map<number, { to: number; score: number }>();
  const offer = (from: number, to: number, score: number): void => {
    if (reports.get(from)!.size !== 1) return;
    const b = best.get(from);
    if (!b || score > b.score || (score === b.score && to < b.to)) best.set(from, { to, score });
  };
  for (const p of pairs) {
    if (p.e.kind !== 'story') continue;
    const ci = core.find(p.i);
    const cj = core.find(p.j);
    if (ci === cj) continue;
    offer(ci, cj, p.e.score);
    offer(cj, ci, p.e.score);
  }
  const story = new UnionFind(sorted.length);
  for (let i = 0; i < sorted.length; i++) story.union(i, core.find(i));
  for (const [from, b] of best) story.union(from, b.to);
  const out = new Map<string, Placed>();
  for (let i = 0; i < sorted.length; i++) {
    const d = dup.find(i);
    out.set(sorted[i]!.id, { storyId: `s-${sorted[story.find(i)]!.id}`, duplicateOf: d === i ? null : sorted[d]!.id });
  }
  return out;
}
