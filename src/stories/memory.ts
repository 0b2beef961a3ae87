/**
 * In-memory StoryIndex and RelatedSource: Maps for entries, stories and the inverted
 * lists (exact key, LSH band key, signature key → ids). The reference implementation of
 * the interfaces in types.ts, used by tests, the benchmark and the embedded pipeline
 * before the SQLite store serves the same shapes.
 *
 * Memory is bounded by `retainMs`: entries older than the newest time minus retainMs are
 * dropped, oldest first (with their stories once every article of a story is gone);
 * inverted lists drop evicted ids from their front and skip the others when read.
 * Document frequencies count every entry ever added.
 */
import type { EdgeIndex, RelatedCandidate, RelatedList, RelatedSource, RelatedStore, Story, StoryEdge, StoryEntry, StoryIndex } from './types.ts';

export interface MemoryIndexOptions {
  /** Keep entries this long behind the newest one (default: forever). */
  retainMs?: number;
}

/** An inverted list in insertion order; `head` skips the evicted ids at its front. */
interface Posting {
  ids: string[];
  head: number;
}
type Postings = Map<string, Posting>;

function push(m: Postings, k: string, id: string): void {
  const l = m.get(k);
  if (l) l.ids.push(id);
  else m.set(k, { ids: [id], head: 0 });
}

export class MemoryStoryIndex implements StoryIndex, RelatedSource, RelatedStore, EdgeIndex {
  private readonly entries = new Map<string, StoryEntry>();
  /** Ids in the order they were added (the watermark is a position in it). */
  private readonly added: string[] = [];
  private readonly exact: Postings = new Map();
  private readonly bands: Postings = new Map();
  private readonly keys: Postings = new Map();
  private readonly children = new Map<string, Set<string>>();
  private readonly df = new Map<string, number>();
  private readonly stories = new Map<string, Story>();
  /** Kept related lists (relate.ts) by article id. */
  private readonly related = new Map<string, RelatedList>();
  /** Edges of the order-independent grouping: id → neighbour id → edge. */
  private readonly adj = new Map<string, Map<string, StoryEdge>>();
  /** Min-heap of (time, id): eviction order even when articles arrive out of time order. */
  private readonly heapT: number[] = [];
  private readonly heapId: string[] = [];
  private newest = -Infinity;
  private total = 0;
  private readonly retainMs: number;

  constructor(opts: MemoryIndexOptions = {}) {
    this.retainMs = opts.retainMs ?? Infinity;
  }

  get size(): number {
    return this.entries.size;
  }

  private live(list: Posting | undefined, from: number, to: number): string[] {
    const out: string[] = [];
    if (!list) return out;
    for (let i = list.head; i < list.ids.length; i++) {
      const e = this.entries.get(list.ids[i]!);
      if (e && e.time >= from && e.time <= to) out.push(e.id);
    }
    return out;
  }

  byExact(exact: string): string[] {
    return this.live(this.exact.get(exact), -Infinity, Infinity);
  }

  byBands(bands: string[], from: number, to: number): string[] {
    const out = new Set<string>();
    for (const b of bands) for (const id of this.live(this.bands.get(b), from, to)) out.add(id);
    return [...out];
  }

  byKeys(keys: string[], from: number, to: number, limitPerKey: number): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const k of keys) {
      const ids: string[] = [];
      const list = this.keys.get(k);
      if (list)
        for (let i = list.ids.length - 1; i >= list.head && ids.length < limitPerKey; i--) {
          const e = this.entries.get(list.ids[i]!);
          if (e && e.time >= from && e.time <= to) ids.push(e.id);
        }
      out.set(k, ids);
    }
    return out;
  }

  /** The most recently added live entries of a key that pass `ok`, newest first. */
  /** The newest `limit` entries of a key by time (ties: the later added first), as the stores order them. */
  private newestOf(k: string, limit: number, ok: (e: StoryEntry) => boolean): StoryEntry[] {
    const list = this.keys.get(k);
    const out: Array<{ e: StoryEntry; i: number }> = [];
    if (!list) return [];
    for (let i = list.ids.length - 1; i >= list.head; i--) {
      const e = this.entries.get(list.ids[i]!);
      if (e && ok(e)) out.push({ e, i });
    }
    if (out.length > limit) out.sort((x, y) => y.e.time - x.e.time || y.i - x.i);
    return out.slice(0, limit).map((x) => x.e);
  }

  allByKeys(keys: string[], from: number, to: number): Map<string, string[]> {
    return new Map(keys.map((k) => [k, this.live(this.keys.get(k), from, to)]));
  }

  addEdges(edges: StoryEdge[]): void {
    for (const e of edges)
      for (const [x, y] of [
        [e.a, e.b],
        [e.b, e.a],
      ] as const) {
        let m = this.adj.get(x);
        if (!m) this.adj.set(x, (m = new Map()));
        m.set(y, e);
      }
  }

  /** Edges touching `ids` whose two ends are still held. */
  edgesOf(ids: string[]): StoryEdge[] {
    const out = new Set<StoryEdge>();
    for (const id of ids) for (const [other, e] of this.adj.get(id) ?? []) if (this.entries.has(other)) out.add(e);
    return [...out];
  }

  watermark(): number {
    return this.added.length;
  }

  /** Entries added after `mark` that are still held, oldest first. */
  entriesAfter(mark: number): StoryEntry[] {
    return this.getEntries(this.added.slice(Math.max(0, mark)));
  }

  getEntries(ids: string[]): StoryEntry[] {
    const out: StoryEntry[] = [];
    for (const id of ids) {
      const e = this.entries.get(id);
      if (e) out.push(e);
    }
    return out;
  }

  duplicatesOf(rootId: string): string[] {
    return [...(this.children.get(rootId) ?? [])].filter((id) => this.entries.has(id));
  }

  docFreq(terms: string[]): number[] {
    return terms.map((t) => this.df.get(t) ?? 0);
  }

  docCount(): number {
    return this.total;
  }

  addEntry(e: StoryEntry): void {
    if (this.entries.has(e.id)) return;
    // Evict before adding, never the entry being added: its story is written after this call.
    this.evict();
    this.entries.set(e.id, e);
    this.added.push(e.id);
    this.total++;
    for (const t of e.terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    if (e.exact) push(this.exact, e.exact, e.id);
    for (const b of e.bands) push(this.bands, b, e.id);
    for (const k of e.keys) push(this.keys, k, e.id);
    if (e.duplicateOf) this.link(e.id, e.duplicateOf);
    this.heapPush(e.time, e.id);
    if (e.time > this.newest) this.newest = e.time;
  }

  private link(id: string, root: string): void {
    let s = this.children.get(root);
    if (!s) this.children.set(root, (s = new Set()));
    s.add(id);
  }

  updateEntries(ids: string[], patch: { storyId?: string; duplicateOf?: string | null }): void {
    for (const id of ids) {
      const e = this.entries.get(id);
      if (!e) continue;
      if (patch.storyId !== undefined) e.storyId = patch.storyId;
      if (patch.duplicateOf !== undefined) {
        if (e.duplicateOf) this.children.get(e.duplicateOf)?.delete(id);
        e.duplicateOf = patch.duplicateOf === id ? null : patch.duplicateOf;
        if (e.duplicateOf) this.link(id, e.duplicateOf);
      }
    }
  }

  getStory(id: string): Story | null {
    return this.stories.get(id) ?? null;
  }

  putStory(s: Story): void {
    this.stories.set(s.id, s);
  }

  deleteStory(id: string): void {
    this.stories.delete(id);
  }

  /** Every story still held, in no particular order. */
  allStories(): Story[] {
    return [...this.stories.values()];
  }

  /** Every entry still held. */
  allEntries(): StoryEntry[] {
    return [...this.entries.values()];
  }

  relatedCandidates(keys: string[], from: number, to: number, limitPerKey: number): RelatedCandidate[] {
    const seen = new Map<string, RelatedCandidate>();
    for (const k of keys)
      for (const e of this.newestOf(k, limitPerKey, (x) => x.time >= from && x.time <= to))
        if (!seen.has(e.id))
          seen.set(e.id, {
            id: e.id,
            time: e.time,
            storyId: e.storyId,
            duplicateOf: e.duplicateOf,
            titleTerms: e.titleTerms,
            ledeTerms: e.ledeTerms,
            entities: e.entities,
            floor: this.related.get(e.id)?.floor ?? null,
          });
    return [...seen.values()];
  }

  relatedLists(ids: string[]): Map<string, RelatedList> {
    const out = new Map<string, RelatedList>();
    for (const id of ids) {
      const l = this.related.get(id);
      if (l) out.set(id, l);
    }
    return out;
  }

  putRelatedLists(lists: ReadonlyMap<string, RelatedList>): void {
    for (const [id, l] of lists) if (this.entries.has(id)) this.related.set(id, l);
  }

  unrelated(limit: number): string[] {
    const out: string[] = [];
    for (const id of this.entries.keys()) {
      if (out.length >= limit) break;
      if (!this.related.has(id)) out.push(id);
    }
    return out;
  }

  /** Advances a list's head past evicted ids; drops or compacts the list when worth it. */
  private unlink(m: Postings, k: string): void {
    const l = m.get(k);
    if (!l) return;
    while (l.head < l.ids.length && !this.entries.has(l.ids[l.head]!)) l.head++;
    if (l.head === l.ids.length) m.delete(k);
    else if (l.head >= 16 && l.head * 2 >= l.ids.length) {
      l.ids.splice(0, l.head);
      l.head = 0;
    }
  }

  /** Drops entries older than newest − retainMs (oldest first, from the heap). Also runs before each add. */
  prune(): void {
    this.evict();
  }

  private evict(): void {
    if (!Number.isFinite(this.retainMs)) return;
    const cutoff = this.newest - this.retainMs;
    while (this.heapT.length > 0 && this.heapT[0]! < cutoff) {
      const id = this.heapPop();
      const e = this.entries.get(id);
      if (!e) continue;
      this.entries.delete(id);
      this.related.delete(id);
      this.children.delete(id);
      for (const other of this.adj.get(id)?.keys() ?? []) this.adj.get(other)?.delete(id);
      this.adj.delete(id);
      if (e.exact) this.unlink(this.exact, e.exact);
      for (const b of e.bands) this.unlink(this.bands, b);
      for (const k of e.keys) this.unlink(this.keys, k);
      const s = this.stories.get(e.storyId);
      if (s && s.articleIds.every((a) => a === id || !this.entries.has(a))) this.stories.delete(s.id);
    }
  }

  private heapPush(t: number, id: string): void {
    const T = this.heapT;
    const I = this.heapId;
    let i = T.length;
    T.push(t);
    I.push(id);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (T[p]! <= t) break;
      T[i] = T[p]!;
      I[i] = I[p]!;
      i = p;
    }
    T[i] = t;
    I[i] = id;
  }

  private heapPop(): string {
    const T = this.heapT;
    const I = this.heapId;
    const top = I[0]!;
    const t = T.pop()!;
    const id = I.pop()!;
    const n = T.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && T[c + 1]! < T[c]!) c++;
        if (T[c]! >= t) break;
        T[i] = T[c]!;
        I[i] = I[c]!;
        i = c;
      }
      T[i] = t;
      I[i] = id;
    }
    return top;
  }

}
