/**
 * The state that duplicate detection, story grouping and related articles need, behind
 * small interfaces so a store can serve it: `StoryIndex` (grouping) and `RelatedSource`
 * (اقرأ أيضاً candidates). src/stories/memory.ts implements both in memory; each store
 * backend implements the same shapes with tables (band keys, signature keys, term counts).
 *
 * Contract: every method may return a promise (a networked backend fits the same shape);
 * times are epoch milliseconds; lookups by key return ids whose time lies in [from, to];
 * `limitPerKey` keeps the newest ids of a key, so the cost of one insert is bounded by
 * the number of keys an article has, not by the size of the store.
 */

type MaybePromise<T> = T | Promise<T>;

/** What the grouping keeps about one article (computed once by `entryOf`). */
export interface StoryEntry {
  id: string;
  /** publishedAt (else arrival time) in epoch ms. */
  time: number;
  outlet: string | null;
  title: string;
  /** Exact-duplicate key of the body, or null for an empty body. */
  exact: string | null;
  /** LSH band keys of the body's MinHash. */
  bands: string[];
  /** Sorted unique shingle hashes of the body (verification of LSH candidates). */
  shingles: Uint32Array;
  /** Unique analyzed body terms (IDF-weighted overlap: the template guard). */
  terms: string[];
  /** Analyzed title terms, and the first terms of the body (the lede). */
  titleTerms: string[];
  ledeTerms: string[];
  /** Entity ids from `article.entities` (empty when enrich has not run). */
  entities: string[];
  /**
   * The day (Saudi calendar day number) a daily report's lede says it is about («لهذا اليوم»:
   * src/stories/days.ts); absent or empty when it names none. Stored (migration 033).
   */
  days?: number[];
  /** Candidate keys for same-event and related lookups: `t:<term>` and `e:<entity id>`. */
  keys: string[];
  storyId: string;
  /** The earliest copy of this article's duplicate group, or null when it is the earliest. */
  duplicateOf: string | null;
}

export interface Story {
  id: string;
  /** The title of its earliest article (stable as the story grows). */
  title: string;
  /** ISO time of its earliest article. */
  firstSeen: string;
  /** Distinct outlets, in order of first appearance. */
  outlets: string[];
  articleIds: string[];
  /** The outlet of the earliest article (ties: smallest article id), the likely original. */
  originalOutlet: string | null;
  /** The earliest article (ties: smallest id). */
  originalId: string;
}

export interface StoryIndex {
  /** Ids of entries with this exact key (any time). */
  byExact(exact: string): MaybePromise<string[]>;
  /** Ids of entries sharing at least one band key, with time in [from, to]. */
  byBands(bands: string[], from: number, to: number): MaybePromise<string[]>;
  /** For each key, the newest ≤ limitPerKey ids with time in [from, to]. */
  byKeys(keys: string[], from: number, to: number, limitPerKey: number): MaybePromise<Map<string, string[]>>;
  /** The entries that still exist, in any order. */
  getEntries(ids: string[]): MaybePromise<StoryEntry[]>;
  /** Ids whose duplicateOf is `rootId`. */
  duplicatesOf(rootId: string): MaybePromise<string[]>;
  /** How many entries contain each term (document frequency), and how many entries there are. */
  docFreq(terms: string[]): MaybePromise<number[]>;
  docCount(): MaybePromise<number>;
  /** Adds a new entry (its terms count into docFreq). */
  addEntry(e: StoryEntry): MaybePromise<void>;
  /** Sets storyId and/or duplicateOf of existing entries. */
  updateEntries(ids: string[], patch: { storyId?: string; duplicateOf?: string | null }): MaybePromise<void>;
  getStory(id: string): MaybePromise<Story | null>;
  putStory(s: Story): MaybePromise<void>;
  deleteStory(id: string): MaybePromise<void>;
}

/**
 * A verified article–article edge of the order-independent grouping (src/stories/stable.ts):
 * `dup` (exact or near copy), `copy` (a copy one outlet cut, expanded or reworded: a duplicate,
 * though not a near copy — partition.ts counts reports by `dup` edges only) or `story` (same
 * event), with its evidence score. An edge is a pure function of its two articles, so the set of
 * edges does not depend on arrival order. Stored once per pair with `a < b`.
 */
export interface StoryEdge {
  a: string;
  b: string;
  kind: 'dup' | 'copy' | 'story';
  score: number;
}

/** The three candidate lookups of one arrival (src/stories/stable.ts `candidates`). */
export interface CandidateQuery {
  exact: string | null;
  bands: string[];
  bandsFrom: number;
  bandsTo: number;
  keys: string[];
  keysFrom: number;
  keysTo: number;
}

/** Where the order-independent grouping keeps its edges. */
export interface EdgeIndex {
  /** Adds edges (a pair already held is replaced). */
  addEdges(edges: StoryEdge[]): MaybePromise<void>;
  /** Every held edge touching any of `ids`, each once. */
  edgesOf(ids: string[]): MaybePromise<StoryEdge[]>;
  /** Per key, the entries holding it with time in [from, to], every one (no per-key limit). */
  allByKeys(keys: string[], from: number, to: number): MaybePromise<Map<string, string[]>>;
  /**
   * Optional: `byExact`, `byBands` and `allByKeys` answered at once (one round trip where
   * each is a statement: PostgreSQL), with the same answers.
   */
  candidateIds?(q: CandidateQuery): MaybePromise<{ exact: string[]; bands: string[]; keys: Map<string, string[]> }>;
  /**
   * A mark of the entries held now (the newest entry's sequence number); `entriesAfter(mark)`
   * gives every entry added since, oldest first. Used with one writer (PostgreSQL's many
   * workers link instead: src/stories/link.ts), so sequence order is commit order.
   */
  watermark(): MaybePromise<number>;
  entriesAfter(mark: number): MaybePromise<StoryEntry[]>;
}

/** An article that could be shown as related (اقرأ أيضاً). */
export interface RelatedCandidate {
  id: string;
  time: number;
  storyId: string | null;
  duplicateOf: string | null;
  titleTerms: string[];
  ledeTerms: string[];
  entities: string[];
  /** The score a newcomer must beat to enter its kept related list; null when it has none yet. */
  floor: number | null;
}

/** Where related-article candidates come from: an inverted index on `t:`/`e:` keys. */
export interface RelatedSource {
  /** Articles sharing any key, newest first, at most limitPerKey per key, `from` ≤ time ≤ `to`. */
  relatedCandidates(keys: string[], from: number, to: number, limitPerKey: number): MaybePromise<RelatedCandidate[]>;
}

/** One article of a kept related list, with the story (or copy group) it had when scored. */
export interface RelatedItem {
  id: string;
  score: number;
  group: string;
}

/** An article's kept related list: best first, one item per group, at most RELATED_KEEP. */
export interface RelatedList {
  /** The score a newcomer must beat to enter (the last item's when full, else 0). */
  floor: number;
  items: RelatedItem[];
}

/**
 * Where the related lists computed at ingest are kept (src/stories/related.ts
 * `relateArrivals`): one list per article, read by id on every page view.
 */
export interface RelatedStore {
  relatedLists(ids: string[]): MaybePromise<Map<string, RelatedList>>;
  putRelatedLists(lists: ReadonlyMap<string, RelatedList>): MaybePromise<void>;
  /** Ids of grouped articles that have no kept list yet (made before lists were kept), at most `limit`. */
  unrelated(limit: number): MaybePromise<string[]>;
}
