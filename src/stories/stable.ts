/**
 * Order-independent duplicate detection and story grouping. An arrival adds verified
 * article–article edges, then the stories of the connected component it touches are
 * recomputed from scratch (src/stories/partition.ts). Invariants (tested in stable.test.ts):
 *
 * 1. An edge is a pure function of its two articles: thresholds as in group.ts, term
 *    weights frozen (src/stories/frozen.ts), computed with the smaller id first so even the
 *    floating-point sums do not depend on which side arrived last.
 * 2. Candidate generation is symmetric: A finds B exactly when B would find A — the same
 *    exact key (an edge only within exactWindowMs); a shared LSH band within dupWindowMs;
 *    or, within storyWindowMs, shared title/lede keys whose frozen weights (IDF of terms with
 *    df ≤ maxKeyDf × docs) sum to ≥ minVote (every entry votes, one whose body is too short
 *    for a lede by its headline).
 *    No per-key limit and no top-N, which would depend on what else is held.
 * 3. Hence the edge set, its components, and (partition being pure) every story, story id,
 *    original and duplicateOf are the same for any arrival order. Stories only change
 *    inside the component an arrival touches.
 *
 * Limits: entries without publishedAt take their arrival time, which is order; an index
 * that evicts (retainMs) forgets edges, so stories spanning the horizon may differ.
 */
import type { Article } from '../model/article.ts';
import { entryOf, type EntryOptions } from './entry.ts';
import { resemblance } from './fingerprint.ts';
import { heldCandidates, keysAndBands } from './held.ts';
import { frozenWeights, type FrozenWeights } from './frozen.ts';
import type { Assignment } from './group.ts';
import { partition } from './partition.ts';
import { STABLE_DEFAULTS, type StableOptions } from './options.ts';
import { storyScore, weightedJaccard } from './similarity.ts';
import { daysConflict } from './days.ts';
import { countsApart } from './counts.ts';
import type { EdgeIndex, Story, StoryEdge, StoryEntry, StoryIndex } from './types.ts';

export { STABLE_DEFAULTS, type StableOptions };

export type EdgeStoryIndex = StoryIndex & EdgeIndex;

const ordered = (x: StoryEntry, y: StoryEntry): [StoryEntry, StoryEntry] => (x.id < y.id ? [x, y] : [y, x]);

/** The edge between two entries, or null: a pure function of the pair (either argument order). */
export function edgeOf(x: StoryEntry, y: StoryEntry, o: StableOptions, w: FrozenWeights): StoryEdge | null {
  const [a, b] = ordered(x, y);
  const dt = Math.abs(a.time - b.time);
  if (a.exact && a.exact === b.exact) return dt <= o.exactWindowMs ? { a: a.id, b: b.id, kind: 'dup', score: 1 } : null;
  // The same daily template (the weather «لهذا اليوم») on two days: two events, though the text
  // is near-identical (shingle Jaccard 0.4–0.6 between days) — only the figures in its slots differ.
  if (o.dayConflict && daysConflict(a.days, b.days)) return null;
  const r = dt <= o.dupWindowMs && a.shingles.length && b.shingles.length ? resemblance(a.shingles, b.shingles) : null;
  const small = Math.min(a.shingles.length, b.shingles.length);
  if (r && (r.jaccard >= o.jaccard || (r.containment >= o.containment && small >= o.minContainShingles)) && weightedJaccard(a.terms, b.terms, w.idf) >= o.guard)
    return { a: a.id, b: b.id, kind: 'dup', score: r.jaccard };
  if (dt > o.storyWindowMs) return null;
  const short = a.ledeTerms.length < o.storyMinTerms || b.ledeTerms.length < o.storyMinTerms;
  const s = storyScore(a, b, w.idf);
  // Two reports that each name who or where they are about, and share none of those names, are two
  // events: the templates whose slots hold the names — a martyr notice of the joint command for
  // each soldier, a promotion «يقلّد … رتبته الجديدة» for each officer, Eid parties, weddings —
  // reach a story score through their common wording alone. A headline saying the same (cosine ≥
  // headlineTitle) keeps the edge: one report's copies whose names were spelled or extracted apart
  // (on the corpus most such kept edges are Eid-greeting headlines; bench/order/README.md says why
  // they stay for now).
  // Who and where decide it when both name some: a body both name is often the one that issues
  // every notice of the template (the joint command's martyr notices name the command in each).
  if (o.entityConflict && a.entities.length && b.entities.length && s.title < o.headlineTitle && namesApart(a.entities, b.entities, s.entities)) return null;
  // Past two days a shared lede is no longer news of one event: a follow-up repeats the
  // announcement's paragraph (a hiring round, then its interviews 55 h later), a weekly figure or
  // a club's camp repeats its background. Its headline still says the same when it is one event
  // (title cosine ≥ lateMinTitle); of 30 edges this removes that split a story, read at random
  // on the corpus, about 20 join two events and 5 one (bench/order/README.md).
  if (dt > o.lateAfterMs && s.title < o.lateMinTitle) return null;
  // A copy with edits: one report carried by two outlets, one of which cut, expanded or reworded
  // it (honorifics, a longer version, a headline of its own), so that the shingles fall below the
  // thresholds above (Jaccard 0.16–0.47 on the hand samples' missed copies), or the longer
  // version's added background fails the template guard. Either the opening is the same (lede
  // cosine ≥ 0.88), the headline says the same thing and most of the shorter body is in the
  // longer; or nearly all of the shorter body is in the longer (≥ 0.8) under the same headline
  // (title ≥ 0.7) and a like opening (≥ 0.6). Not a series whose headlines count apart (the
  // second relief plane, the third: counts.ts). Read at random on the corpus graph: of 45 edges of
  // the first form 44 join one report, of 45 of the second all 45 (bench/order/README.md).
  // A `copy` edge, not `dup`: a duplicate, but partition.ts still counts two reports.
  const copy =
    !!r &&
    !short &&
    dt <= o.copyWindowMs &&
    small >= o.minContainShingles &&
    ((s.lede >= o.copyLede && s.title >= o.copyTitle && r.containment >= o.copyContainment) ||
      (r.containment >= o.keptContainment && s.title >= o.keptTitle && s.lede >= o.keptLede)) &&
    !countsApart(a.title, b.title);
  if (copy) return { a: a.id, b: b.id, kind: 'copy', score: r.jaccard };
  if (!short && s.score >= o.storyThreshold && s.lede >= o.storyMinLede) return { a: a.id, b: b.id, kind: 'story', score: s.score };
  // A headline edge: the same headline, reworded, over another lede (or over no body) within a day,
  // when the two name common entities — a template headline («خادم الحرمين ونائبه يهنئان رئيس
  // جمهورية سنغافورة…» / «…رئيس جمهورية كوت ديفوار…») differs in the very entity it is about.
  // Its score stays below storyMerge, so it is a weak edge: it attaches one report to a story and
  // never joins two stories of several reports (partition.ts).
  const headline =
    dt <= o.headlineWindowMs &&
    a.titleTerms.length >= o.headlineMinTerms &&
    b.titleTerms.length >= o.headlineMinTerms &&
    s.title >= o.headlineTitle &&
    s.entities >= o.headlineMinEntities &&
    (short || s.lede >= o.headlineMinLede);
  // A wide headline edge: the same headline over a lede about something else, when the two name
  // mostly the same people, places and bodies (entity Jaccard ≥ 0.6; at 0.5, two drowning rescues
  // in Jazan two days apart share the city, the border guards and the hospital, not the people) —
  // a report embedded in a longer article (the club renews a player's contract, then prepares for
  // its camp), an arrest reported under the story's headline over another paragraph. Weak too;
  // of the 31 edges it adds to the corpus graph 29 are one event (bench/order/README.md).
  const wide =
    !headline &&
    dt <= o.wideHeadlineWindowMs &&
    a.titleTerms.length >= o.headlineMinTerms &&
    b.titleTerms.length >= o.headlineMinTerms &&
    s.title >= o.wideHeadlineTitle &&
    s.entities >= o.wideHeadlineEntities;
  return headline || wide ? { a: a.id, b: b.id, kind: 'story', score: Math.min(s.score, o.storyMerge - 1e-9) } : null;
}

/** Bodies: one often issues every notice of a template (the joint command names itself in each martyr notice). */
const BODY = /^(org|agency):/;
const PERSON = /^person:/;
const PLACE = /^(city|region):/;

/**
 * Whether two reports are about different names: they share no entity, or they share only
 * bodies while each names a person and a city or region of its own (the template notices a
 * body issues, one per soldier and place; two reports of one body's statement that name
 * different people or places but not both keep their edge).
 */
function namesApart(a: readonly string[], b: readonly string[], jaccard: number): boolean {
  if (jaccard === 0) return true;
  if (!a.filter((x) => b.includes(x)).every((x) => BODY.test(x))) return false;
  return [a, b].every((xs) => xs.some((x) => PERSON.test(x)) && xs.some((x) => PLACE.test(x)));
}

/** An entry's vote keys and their weights, kept per key array (an arrival's are asked before and under the lock). */
const votes = new WeakMap<readonly string[], { maxKeyDf: number; w: FrozenWeights; keys: string[]; weights: number[] }>();

/**
 * The title/lede term keys of `e` that vote for story candidates: frozen df ≤ maxKeyDf of
 * the documents, each once; with each one's weight (its frozen IDF).
 */
function voteKeys(e: StoryEntry, o: StableOptions, w: FrozenWeights): { keys: string[]; weights: number[] } {
  const m = votes.get(e.keys);
  if (m && m.maxKeyDf === o.maxKeyDf && m.w === w) return m;
  const maxDf = o.maxKeyDf * w.docs;
  const keys = [...new Set(e.keys.filter((k) => k.startsWith('t:') && w.df(k.slice(2)) <= maxDf))];
  const v = { maxKeyDf: o.maxKeyDf, w, keys, weights: keys.map((k) => w.idf(k.slice(2))) };
  votes.set(e.keys, v);
  return v;
}

/** Ids that may share an edge with `e` (symmetric; see invariant 2). */
export async function candidates(index: EdgeStoryIndex, e: StoryEntry, o: StableOptions, w: FrozenWeights): Promise<Set<string>> {
  const { keys, weights } = voteKeys(e, o, w);
  const q = { exact: e.exact, bands: e.bands, bandsFrom: e.time - o.dupWindowMs, bandsTo: e.time + o.dupWindowMs, keys, keysFrom: e.time - o.storyWindowMs, keysTo: e.time + o.storyWindowMs };
  const at = index.candidateIds ? await index.candidateIds(q) : null;
  const ids = new Set<string>(at ? at.exact : e.exact ? await index.byExact(e.exact) : []);
  if (e.bands.length) for (const id of at ? at.bands : await index.byBands(e.bands, q.bandsFrom, q.bandsTo)) ids.add(id);
  {
    const sums = new Map<string, number>();
    const held = at ? at.keys : await index.allByKeys(keys, q.keysFrom, q.keysTo);
    keys.forEach((k, i) => {
      const weight = weights[i]!;
      for (const id of held.get(k) ?? []) sums.set(id, (sums.get(id) ?? 0) + weight);
    });
    for (const [id, v] of sums) if (v >= o.minVote) ids.add(id);
  }
  ids.delete(e.id);
  return ids;
}

/**
 * Whether `candidates(index, e)` would return a held entry: the same three rules, evaluated
 * in memory (the key votes summed in the same order, so to the same float). `e`'s voting
 * keys are read once, for all the entries tested.
 */
function candidateTest(e: StoryEntry, o: StableOptions, w: FrozenWeights): (c: StoryEntry) => boolean {
  const { keys, weights } = voteKeys(e, o, w);
  return (c) => {
    if (c.id === e.id) return false;
    if (e.exact && c.exact === e.exact) return true;
    const dt = Math.abs(c.time - e.time);
    const held = keysAndBands(c, o);
    if (e.bands.length && dt <= o.dupWindowMs && e.bands.some((b) => held.bands.has(b))) return true;
    if (dt > o.storyWindowMs) return false;
    let vote = 0;
    for (let i = 0; i < keys.length; i++) if (held.keys.has(keys[i]!)) vote += weights[i]!;
    return vote >= o.minVote;
  };
}

/** The entries of `newer` that pass `candidateTest`, found through an index of them (held.ts). */
function newerCandidates(e: StoryEntry, newer: readonly StoryEntry[], o: StableOptions, w: FrozenWeights): StoryEntry[] {
  const { keys, weights } = voteKeys(e, o, w);
  return heldCandidates(e, newer, o, keys, weights);
}

/** `candidateTest` for one pair (tests; the grouping finds them through `newerCandidates`). */
export function isCandidate(e: StoryEntry, c: StoryEntry, options: Partial<StableOptions> = {}): boolean {
  const o = { ...STABLE_DEFAULTS, ...options };
  return candidateTest(e, o, o.weights ?? frozenWeights())(c);
}

/**
 * An arrival's candidates among the entries held now, found before the chunk adds any
 * (one writer; many workers link instead, link.ts). Whoever groups it later passes them with every entry added since
 * the index's watermark was read (`Since`): together they are exactly `candidates`' answer
 * at that later moment, since a held entry never stops being a candidate.
 */
export async function prefind(index: EdgeStoryIndex, e: StoryEntry, options: Partial<StableOptions> = {}): Promise<StoryEntry[]> {
  const o = { ...STABLE_DEFAULTS, ...options };
  return index.getEntries([...(await candidates(index, e, o, o.weights ?? frozenWeights()))]);
}

/** Candidates found before the lock (`prefind`), and the entries added after the watermark read before that search. */
export interface Since {
  older: readonly StoryEntry[];
  /** Shared by a chunk's arrivals and only appended to (its index is extended as it grows: held.ts). */
  newer: readonly StoryEntry[];
}

/**
 * The ids connected to `start` through held edges, and those edges. `expand` picks, of the ids
 * a step newly reached, those whose edges are followed next (default: all of them; link.ts
 * follows only linked entries).
 */
export async function component(
  index: EdgeStoryIndex,
  start: string,
  expand: (reached: string[]) => Promise<string[]> = (r) => Promise.resolve(r),
): Promise<{ ids: Set<string>; edges: StoryEdge[] }> {
  const ids = new Set([start]);
  const edges = new Map<string, StoryEdge>();
  let frontier = [start];
  while (frontier.length) {
    const reached: string[] = [];
    for (const ed of await index.edgesOf(frontier)) {
      edges.set(`${ed.a}|${ed.b}`, ed);
      for (const id of [ed.a, ed.b])
        if (!ids.has(id)) {
          ids.add(id);
          reached.push(id);
        }
    }
    frontier = await expand(reached);
  }
  return { ids, edges: [...edges.values()] };
}

/** Entries by id, each once (the first seen). */
function union(a: readonly StoryEntry[], b: readonly StoryEntry[]): StoryEntry[] {
  const out = new Map<string, StoryEntry>();
  for (const x of [...a, ...b]) if (!out.has(x.id)) out.set(x.id, x);
  return [...out.values()];
}

function storyOf(id: string, members: StoryEntry[]): Story {
  const sorted = [...members].sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
  const first = sorted[0]!;
  const outlets: string[] = [];
  for (const m of sorted) if (m.outlet && !outlets.includes(m.outlet)) outlets.push(m.outlet);
  return {
    id,
    title: first.title,
    firstSeen: new Date(Number.isFinite(first.time) ? first.time : 0).toISOString(),
    outlets,
    articleIds: sorted.map((m) => m.id),
    originalOutlet: first.outlet,
    originalId: first.id,
  };
}

/**
 * Recomputes the stories of one component (`members`, `edges`) and writes what changed:
 * entries whose story or copy root moved, stories that vanished, every story of the
 * component. `arrival` is the entry that did not belong to a story before.
 */
export async function placeComponent(
  index: EdgeStoryIndex,
  arrival: string,
  members: StoryEntry[],
  edges: readonly StoryEdge[],
  o: StableOptions,
): Promise<Map<string, { storyId: string; duplicateOf: string | null }>> {
  const placed = partition(members, edges, o.storyMerge, o.attach);
  const oldStories = new Set(members.filter((m) => m.id !== arrival).map((m) => m.storyId));
  const byStory = new Map<string, StoryEntry[]>();
  for (const m of members) {
    const p = placed.get(m.id)!;
    if (m.storyId !== p.storyId || m.duplicateOf !== p.duplicateOf) await index.updateEntries([m.id], { storyId: p.storyId, duplicateOf: p.duplicateOf });
    const l = byStory.get(p.storyId);
    if (l) l.push(m);
    else byStory.set(p.storyId, [m]);
  }
  for (const id of oldStories) if (!byStory.has(id)) await index.deleteStory(id);
  for (const [id, l] of byStory) await index.putStory(storyOf(id, l));
  return placed;
}

/** How an arrival was placed, from its edges (the best one: a copy of either kind first, then score). */
export function assignmentOf(e: StoryEntry, edges: readonly StoryEdge[], cands: readonly StoryEntry[], mine: { storyId: string; duplicateOf: string | null }): Assignment {
  const copy = (x: StoryEdge): boolean => x.kind !== 'story';
  const best = edges.reduce<StoryEdge | null>((b, x) => (!b || copy(x) > copy(b) || (copy(x) === copy(b) && x.score > b.score) ? x : b), null);
  const other = best ? (best.a === e.id ? best.b : best.a) : null;
  const via = !best ? 'new' : best.kind === 'story' ? 'story' : best.score === 1 && cands.find((c) => c.id === other)?.exact === e.exact ? 'exact' : 'near';
  return { id: e.id, storyId: mine.storyId, duplicateOf: mine.duplicateOf, via, matched: other, score: best?.score ?? null };
}

export async function addArticleStable(index: EdgeStoryIndex, a: Article, opts: Partial<StableOptions> & EntryOptions = {}): Promise<Assignment> {
  return addEntryStable(index, entryOf(a, opts), opts);
}

/**
 * Adds an entry and its edges, then recomputes its component's stories. Idempotent per id.
 * With `since`, its candidates are those prefound plus those of `since.newer` that pass
 * `isCandidate` (no candidate search now).
 */
export async function addEntryStable(index: EdgeStoryIndex, e: StoryEntry, options: Partial<StableOptions> = {}, since?: Since): Promise<Assignment> {
  const o = { ...STABLE_DEFAULTS, ...options };
  const w = o.weights ?? frozenWeights();
  const [prev] = await index.getEntries([e.id]);
  if (prev) return { id: prev.id, storyId: prev.storyId, duplicateOf: prev.duplicateOf, via: 'existing', matched: null, score: null };

  const cands = since ? union(since.older, newerCandidates(e, since.newer, o, w)) : await index.getEntries([...(await candidates(index, e, o, w))]);
  const edges: StoryEdge[] = [];
  for (const c of cands) {
    const ed = edgeOf(e, c, o, w);
    if (ed) edges.push(ed);
  }
  e.storyId = `s-${e.id}`;
  e.duplicateOf = null;
  await index.addEntry(e);
  if (edges.length) await index.addEdges(edges);

  const comp = await component(index, e.id);
  const placed = await placeComponent(index, e.id, await index.getEntries([...comp.ids]), comp.edges, o);
  return assignmentOf(e, edges, cands, placed.get(e.id)!);
}
