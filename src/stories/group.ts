/**
 * Incremental duplicate detection and story grouping: `addArticle` places one article
 * into a StoryIndex — as a copy of an earlier article (exact or near duplicate), as new
 * coverage of an existing story, or as a new story — touching only the entries its keys
 * lead to, never recomputing the whole store.
 *
 * Rules (thresholds measured in bench/stories, README.md there):
 * - Duplicate: same exact key (any time), or an LSH candidate within dupWindowMs (7 days) whose
 *   3-shingle Jaccard ≥ 0.5 or containment ≥ 0.8 (smaller side ≥ 20 shingles), and whose
 *   IDF-weighted term Jaccard ≥ 0.55 (the template guard). Duplicate groups are the
 *   connected components of that relation, so they do not depend on arrival order
 *   (up to the document frequencies the guard reads); `duplicateOf` is the group's earliest
 *   article (time, then smallest id), updated when an earlier copy arrives later.
 * - A duplicate joins its original's story; a duplicate linking two stories merges them.
 * - Otherwise the article joins the best-scoring story of a candidate within
 *   storyWindowMs (72 h; title + lede IDF cosine and shared entities, `storyScore`) when the score
 *   ≥ 0.4 and the lede cosine ≥ 0.25: the headline alone never merges, and a body of fewer
 *   than five terms joins nothing. When it scores ≥ 0.6 with articles of several stories,
 *   those stories merge (strong links only, so weak ones cannot chain unrelated events);
 *   arrival order can still move some story borders (measured in the bench), never the
 *   duplicate groups.
 */
import type { Article } from '../model/article.ts';
import { entryOf, type EntryOptions } from './entry.ts';
import { resemblance } from './fingerprint.ts';
import { idfFrom, prepareStory, storyScorePrepared, weightedJaccard, type Idf } from './similarity.ts';
import { mergeStories, newStory, storyAdd } from './story.ts';
import type { StoryEntry, StoryIndex } from './types.ts';

const HOUR = 3_600_000;

export interface GroupOptions extends EntryOptions {
  dupWindowMs: number;
  storyWindowMs: number;
  jaccard: number;
  containment: number;
  minContainShingles: number;
  guard: number;
  storyThreshold: number;
  storyMinLede: number;
  /** A new article scoring at least this with articles of several stories merges them. */
  storyMerge: number;
  /** Fewer lede terms than this: the article starts its own story (one-word bodies group with nothing). */
  storyMinTerms: number;
  /** Lookup keys used per article (rarest first), and ids read per key. */
  keyLimit: number;
  limitPerKey: number;
  /** Candidates scored per article (most shared keys first). */
  maxCandidates: number;
}

export const GROUP_DEFAULTS: Readonly<GroupOptions> = Object.freeze({
  dupWindowMs: 7 * 24 * HOUR,
  storyWindowMs: 72 * HOUR,
  jaccard: 0.5,
  containment: 0.8,
  minContainShingles: 20,
  guard: 0.55,
  storyThreshold: 0.4,
  storyMinLede: 0.25,
  storyMerge: 0.6,
  storyMinTerms: 5,
  keyLimit: 12,
  limitPerKey: 50,
  maxCandidates: 30,
});

export type Via = 'existing' | 'exact' | 'near' | 'story' | 'new';

export interface Assignment {
  id: string;
  storyId: string;
  duplicateOf: string | null;
  via: Via;
  /** The article it was matched to (for exact, near and story). */
  matched: string | null;
  score: number | null;
}

const earlier = (a: StoryEntry, b: StoryEntry): boolean => a.time < b.time || (a.time === b.time && a.id < b.id);

async function idfFor(index: StoryIndex, terms: Iterable<string>): Promise<Idf> {
  const list = [...new Set(terms)];
  const [df, n] = await Promise.all([index.docFreq(list), index.docCount()]);
  const m = new Map<string, number>();
  list.forEach((t, i) => m.set(t, idfFrom(df[i] ?? 0, n)));
  return (t) => m.get(t) ?? idfFrom(0, n);
}

/** Places an article; see the module comment for the rules. Idempotent per article id. */
export async function addArticle(index: StoryIndex, a: Article, opts: Partial<GroupOptions> = {}): Promise<Assignment> {
  return addEntry(index, entryOf(a, opts), opts);
}

export async function addEntry(index: StoryIndex, e: StoryEntry, options: Partial<GroupOptions> = {}): Promise<Assignment> {
  const o = { ...GROUP_DEFAULTS, ...options };
  const [prev] = await index.getEntries([e.id]);
  if (prev) return { id: prev.id, storyId: prev.storyId, duplicateOf: prev.duplicateOf, via: 'existing', matched: null, score: null };

  const dups = await findDuplicates(index, e, o);
  if (dups.length > 0) return joinDuplicates(index, e, dups);

  const best = await bestStory(index, e, o);
  if (best) {
    // Strong matches in several stories mean those stories are one: merge them.
    e.storyId = best.strong.length > 1 ? await mergeStories(index, best.strong) : best.entry.storyId;
    await index.addEntry(e);
    await storyAdd(index, e.storyId, e);
    return { id: e.id, storyId: e.storyId, duplicateOf: null, via: 'story', matched: best.entry.id, score: best.score };
  }
  e.storyId = `s-${e.id}`;
  await index.addEntry(e);
  await index.putStory(newStory(e));
  return { id: e.id, storyId: e.storyId, duplicateOf: null, via: 'new', matched: null, score: null };
}

interface DupMatch {
  entry: StoryEntry;
  kind: 'exact' | 'near';
  score: number;
}

async function findDuplicates(index: StoryIndex, e: StoryEntry, o: GroupOptions): Promise<DupMatch[]> {
  if (!e.exact && e.bands.length === 0) return [];
  const ids = new Set<string>(e.exact ? await index.byExact(e.exact) : []);
  const exactIds = new Set(ids);
  if (e.bands.length) for (const id of await index.byBands(e.bands, e.time - o.dupWindowMs, e.time + o.dupWindowMs)) ids.add(id);
  ids.delete(e.id);
  if (ids.size === 0) return [];
  const cands = await index.getEntries([...ids]);
  const out: DupMatch[] = [];
  const near: Array<{ c: StoryEntry; j: number }> = [];
  for (const c of cands) {
    if (exactIds.has(c.id) && c.exact === e.exact) {
      out.push({ entry: c, kind: 'exact', score: 1 });
      continue;
    }
    const r = resemblance(e.shingles, c.shingles);
    const small = Math.min(e.shingles.length, c.shingles.length);
    if (r.jaccard >= o.jaccard || (r.containment >= o.containment && small >= o.minContainShingles)) near.push({ c, j: r.jaccard });
  }
  if (near.length) {
    const idf = await idfFor(index, [...e.terms, ...near.flatMap((x) => x.c.terms)]);
    for (const { c, j } of near) if (weightedJaccard(e.terms, c.terms, idf) >= o.guard) out.push({ entry: c, kind: 'near', score: j });
  }
  return out;
}

async function joinDuplicates(index: StoryIndex, e: StoryEntry, dups: DupMatch[]): Promise<Assignment> {
  const rootIds = [...new Set(dups.map((d) => d.entry.duplicateOf ?? d.entry.id))];
  const roots = await index.getEntries(rootIds);
  let root: StoryEntry = e;
  for (const r of roots) if (earlier(r, root)) root = r;
  e.duplicateOf = root === e ? null : root.id;
  // Every old root that is not the new root (and its copies) now points at the new root.
  for (const r of roots) {
    if (r.id === root.id) continue;
    await index.updateEntries([r.id, ...(await index.duplicatesOf(r.id))], { duplicateOf: root.id });
  }
  const storyIds = [...new Set([...dups.map((d) => d.entry.storyId), ...roots.map((r) => r.storyId)])];
  const keep = await mergeStories(index, storyIds);
  e.storyId = keep;
  await index.addEntry(e);
  await storyAdd(index, keep, e);
  // Equal scores: the smaller id, so the answer does not depend on the index's row order.
  const best = dups.reduce((a, b) => (b.score > a.score || (b.score === a.score && b.entry.id < a.entry.id) ? b : a));
  return { id: e.id, storyId: keep, duplicateOf: e.duplicateOf, via: best.kind, matched: best.entry.id, score: best.score };
}

async function bestStory(
  index: StoryIndex,
  e: StoryEntry,
  o: GroupOptions,
): Promise<{ entry: StoryEntry; score: number; strong: string[] } | null> {
  if (e.keys.length === 0 || e.ledeTerms.length < o.storyMinTerms) return null;
  const keyTerms = e.keys.filter((k) => k.startsWith('t:')).map((k) => k.slice(2));
  const idf0 = await idfFor(index, keyTerms);
  const weights = new Map<string, number>();
  for (const k of e.keys) weights.set(k, k.startsWith('e:') ? 10 : idf0(k.slice(2)));
  const keys = [...e.keys].sort((a, b) => weights.get(b)! - weights.get(a)! || (a < b ? -1 : 1)).slice(0, o.keyLimit);
  const posting = await index.byKeys(keys, e.time - o.storyWindowMs, e.time + o.storyWindowMs, o.limitPerKey);
  const votes = new Map<string, number>();
  for (const [k, ids] of posting) {
    const w = weights.get(k) ?? 0;
    for (const id of ids) if (id !== e.id) votes.set(id, (votes.get(id) ?? 0) + w);
  }
  if (votes.size === 0) return null;
  const top = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, o.maxCandidates);
  const cands = await index.getEntries(top.map(([id]) => id));
  const idf = await idfFor(index, [...e.titleTerms, ...e.ledeTerms, ...cands.flatMap((c) => [...c.titleTerms, ...c.ledeTerms])]);
  let best: { entry: StoryEntry; score: number } | null = null;
  const strong = new Set<string>();
  const pe = prepareStory(e, idf);
  for (const c of cands) {
    const s = storyScorePrepared(pe, c, idf);
    if (s.score < o.storyThreshold || s.lede < o.storyMinLede) continue;
    if (s.score >= o.storyMerge) strong.add(c.storyId);
    if (!best || s.score > best.score || (s.score === best.score && c.id < best.entry.id)) best = { entry: c, score: s.score };
  }
  return best && { ...best, strong: [...strong] };
}
