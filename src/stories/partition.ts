/**
 * Stories of one connected component of the edge graph, as a pure function of its nodes
 * and edges (src/stories/stable.ts keeps the graph and calls this for the component an
 * arrival touches). Nothing here reads arrival order, so neither does the result.
 *
 * Rule (the chaining guard, decided on the whole component at once):
 * 1. Duplicate groups: connected components of `dup` and `copy` edges; the group's original is
 *    its earliest article (time, then smallest id) and every other member's `duplicateOf`.
 *    Reports: components of `dup` edges only (a report and its exact or near copies). A `copy`
 *    edge (a copy cut or expanded by one outlet) marks duplicates without making one report of
 *    two: counted as one, a core of many copies became a lone report free to attach to another
 *    core by a weak edge (the council's meeting, 21 articles, to the king's audience, 38).
 * 2. Cores: reports joined by `copy` edges or strong `story` edges (score ≥ `strong`).
 * 3. A core made of one report (however many copies) attaches to one
 *    core: the core whose reports it links to through `story` edges, at least
 *    `attach.reports` distinct reports of it, when that core spans at most `attach.spanMs`
 *    (most such reports, then the best edge); else the core it has its best `story` edge with
 *    (highest score; ties: the core whose earliest article is earliest). Cores of several
 *    reports never merge through weak edges, and a lone report links at most one pair of
 *    cores, so a weak bridge cannot chain events.
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

/**
 * When a lone report's weak edges to one core outweigh its single best edge elsewhere: a
 * report that several reports of one burst of coverage each resemble is about their event,
 * though its best single edge may go to another lone rewrite (the Louisiana cinema shooting:
 * best edge 0.53 to a one-report core, edges 0.37–0.49 to three reports of the 7-article
 * story). The span keeps templates out: a core of Eid parties, daily case counts or audiences
 * recurring over days links to three of its reports as easily (bench/order/README.md).
 */
export interface AttachRule {
  reports: number;
  spanMs: number;
}

export const ATTACH_DEFAULTS: Readonly<AttachRule> = Object.freeze({ reports: 3, spanMs: 36 * 3_600_000 });

export const earlierNode = (a: PartNode, b: PartNode): number => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Story and duplicate root of every node; edges naming an absent node are ignored. */
export function partition(nodes: readonly PartNode[], edges: readonly StoryEdge[], strong: number, attach: Readonly<AttachRule> = ATTACH_DEFAULTS): Map<string, Placed> {
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
  const copies = new UnionFind(sorted.length);
  for (const p of pairs) if (p.e.kind !== 'story') copies.union(p.i, p.j);
  const core = new UnionFind(sorted.length);
  for (const p of pairs) if (p.e.kind !== 'story' || p.e.score >= strong) core.union(p.i, p.j);
  // Reports (near-duplicate groups) per core.
  const reports = new Map<number, Set<number>>();
  for (let i = 0; i < sorted.length; i++) {
    const c = core.find(i);
    let s = reports.get(c);
    if (!s) reports.set(c, (s = new Set()));
    s.add(dup.find(i));
  }
  // Each core's time span (its first and last article), for the attach rule.
  const span = new Map<number, { from: number; to: number }>();
  for (let i = 0; i < sorted.length; i++) {
    const c = core.find(i);
    const t = sorted[i]!.time;
    const x = span.get(c);
    if (!x) span.set(c, { from: t, to: t });
    else x.to = Math.max(x.to, t); // sorted by time: the first seen is the earliest
  }
  // Each one-report core's weak edges per other core, decided on the cores of step 2: the best
  // score and the distinct reports (duplicate roots) of that core it reaches.
  const links = new Map<number, Map<number, { score: number; reports: Set<number> }>>();
  const offer = (from: number, to: number, score: number, report: number): void => {
    if (reports.get(from)!.size !== 1) return;
    let m = links.get(from);
    if (!m) links.set(from, (m = new Map()));
    const l = m.get(to);
    if (!l) m.set(to, { score, reports: new Set([report]) });
    else {
      l.score = Math.max(l.score, score);
      l.reports.add(report);
    }
  };
  for (const p of pairs) {
    if (p.e.kind !== 'story') continue;
    const ci = core.find(p.i);
    const cj = core.find(p.j);
    if (ci === cj) continue;
    offer(ci, cj, p.e.score, dup.find(p.j));
    offer(cj, ci, p.e.score, dup.find(p.i));
  }
  const best = new Map<number, number>();
  for (const [from, m] of links) {
    let to = -1;
    let rank: [number, number] = [-1, -1];
    for (const [c, l] of m) {
      const s = span.get(c)!;
      const many = l.reports.size >= attach.reports && s.to - s.from <= attach.spanMs ? l.reports.size : 0;
      if (many > rank[0] || (many === rank[0] && (l.score > rank[1] || (l.score === rank[1] && c < to)))) {
        to = c;
        rank = [many, l.score];
      }
    }
    best.set(from, to);
  }
  const story = new UnionFind(sorted.length);
  for (let i = 0; i < sorted.length; i++) story.union(i, core.find(i));
  for (const [from, to] of best) story.union(from, to);
  const out = new Map<string, Placed>();
  for (let i = 0; i < sorted.length; i++) {
    const d = copies.find(i);
    out.set(sorted[i]!.id, { storyId: `s-${sorted[story.find(i)]!.id}`, duplicateOf: d === i ? null : sorted[d]!.id });
  }
  return out;
}
