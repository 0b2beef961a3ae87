/**
 * Similarities between two articles' analyzed terms: IDF-weighted cosine (titles, ledes),
 * IDF-weighted Jaccard (whole bodies), and the same-story score built from them.
 * Pure: the caller passes an `Idf` function (from the index's document frequencies).
 *
 * Why IDF weights: wire templates (a royal telegram to one president, then to another;
 * the daily weather) share their frequent words and differ in the rare ones (names,
 * places); copies of one report share the rare ones. Weighting by rarity separates them
 * where plain shingle Jaccard cannot (measured in bench/stories).
 */

export type Idf = (term: string) => number;

/** IDF from a document frequency: log((N + 1) / (df + 1)) + 1, so unseen terms weigh most. */
export function idfFrom(df: number, n: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

/** Cosine of two term sets, each term weighted by its IDF (binary term frequency). */
export function weightedCosine(a: readonly string[], b: readonly string[], idf: Idf): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const t of new Set(a)) {
    const w = idf(t) ** 2;
    na += w;
    if (sb.has(t)) dot += w;
  }
  for (const t of sb) nb += idf(t) ** 2;
  return dot / Math.sqrt(na * nb);
}

/** Jaccard of two term sets, each term weighted by its IDF. */
export function weightedJaccard(a: readonly string[], b: readonly string[], idf: Idf): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  let union = 0;
  for (const t of sa) {
    const w = idf(t);
    union += w;
    if (sb.has(t)) inter += w;
  }
  for (const t of sb) if (!sa.has(t)) union += idf(t);
  return union > 0 ? inter / union : 0;
}

/** Below this many ids a side, setJaccard counts by scanning (no Set: it runs for every scored pair). */
const SCAN_IDS = 24;

/** Plain Jaccard of two id sets (entities). */
export function setJaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length <= SCAN_IDS && b.length <= SCAN_IDS) {
    // The same integer counts as the sets below: distinct ids of each side, distinct shared ones.
    let n = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < a.length; i++) {
      if (a.indexOf(a[i]!) !== i) continue;
      na++;
      if (b.includes(a[i]!)) n++;
    }
    for (let i = 0; i < b.length; i++) if (b.indexOf(b[i]!) === i) nb++;
    return n / (na + nb - n);
  }
  const sa = new Set(a);
  const sb = new Set(b);
  let n = 0;
  for (const x of sa) if (sb.has(x)) n++;
  return n / (sa.size + sb.size - n);
}

export interface StoryFeatures {
  titleTerms: readonly string[];
  ledeTerms: readonly string[];
  entities: readonly string[];
}

/** A term set prepared for many cosine comparisons: term → IDF², and the squared norm. */
export interface Weighted {
  w: Map<string, number>;
  norm2: number;
}

export function prepare(terms: readonly string[], idf: Idf): Weighted {
  const w = new Map<string, number>();
  let norm2 = 0;
  for (const t of terms) {
    if (w.has(t)) continue;
    const x = idf(t) ** 2;
    w.set(t, x);
    norm2 += x;
  }
  return { w, norm2 };
}

/** weightedCosine(a, b) with `a` prepared; `b` must hold unique terms. */
export function cosinePrepared(a: Weighted, b: readonly string[], idf: Idf): number {
  if (a.norm2 === 0 || b.length === 0) return 0;
  let dot = 0;
  let nb = 0;
  for (const t of b) {
    const x = a.w.get(t);
    if (x !== undefined) {
      dot += x;
      nb += x;
    } else nb += idf(t) ** 2;
  }
  return nb > 0 ? dot / Math.sqrt(a.norm2 * nb) : 0;
}

export interface StoryScore {
  title: number;
  lede: number;
  entities: number;
  score: number;
}

/**
 * Same-event score: 0.35 × title cosine + 0.65 × lede cosine, plus 0.15 × entity Jaccard
 * when both sides have entities. The lede carries most weight on purpose: near-identical
 * headlines can state different facts (ANS `disagree` pairs), so the headline alone
 * must not merge two articles (see STORY_MIN_LEDE in group.ts).
 */
export function storyScore(a: StoryFeatures, b: StoryFeatures, idf: Idf): StoryScore {
  const pa = preparedOnce(a, idf);
  const pb = preparedOnce(b, idf);
  return combine(cosineBoth(pa.title, pb.title), cosineBoth(pa.lede, pb.lede), a.entities, b.entities);
}

/** The same-event score of the two cosines and the entities (see storyScore). */
function combine(title: number, lede: number, a: readonly string[], b: readonly string[]): StoryScore {
  const hasEnt = a.length > 0 && b.length > 0;
  const entities = hasEnt ? setJaccard(a, b) : 0;
  return { title, lede, entities, score: 0.35 * title + 0.65 * lede + (hasEnt ? 0.15 * entities : 0) };
}

/**
 * Each side's weights, prepared once per term lists and IDF (an entry meets dozens of
 * candidates as they arrive; preparing both sides for every pair built two maps a pair).
 * Keyed by the title array, checked against the lede array: a store hands out a fresh copy
 * of a cached entry on every read (`{ ...e }`), sharing its arrays, so a key on the
 * features object missed on every read.
 */
const prepared = new WeakMap<readonly string[], { idf: Idf; lede: readonly string[]; p: PreparedStory }>();
function preparedOnce(a: StoryFeatures, idf: Idf): PreparedStory {
  const m = prepared.get(a.titleTerms);
  if (m && m.idf === idf && m.lede === a.ledeTerms) return m.p.entities === a.entities ? m.p : { ...m.p, entities: a.entities };
  const p = prepareStory(a, idf);
  prepared.set(a.titleTerms, { idf, lede: a.ledeTerms, p });
  return p;
}

/**
 * cosinePrepared(a, b's unique terms) with b prepared too: the same sums in the same order
 * (b's terms in order; b.norm2 adds the same squares prepare added), so the same float.
 */
function cosineBoth(a: Weighted, b: Weighted): number {
  if (a.norm2 === 0 || b.w.size === 0) return 0;
  let dot = 0;
  for (const t of b.w.keys()) {
    const x = a.w.get(t);
    if (x !== undefined) dot += x;
  }
  return b.norm2 > 0 ? dot / Math.sqrt(a.norm2 * b.norm2) : 0;
}

export interface PreparedStory {
  title: Weighted;
  lede: Weighted;
  entities: readonly string[];
}

export function prepareStory(a: StoryFeatures, idf: Idf): PreparedStory {
  return { title: prepare(a.titleTerms, idf), lede: prepare(a.ledeTerms, idf), entities: a.entities };
}

/** storyScore with the first side prepared once for many candidates (terms unique). */
export function storyScorePrepared(a: PreparedStory, b: StoryFeatures, idf: Idf): StoryScore {
  return combine(cosinePrepared(a.title, b.titleTerms, idf), cosinePrepared(a.lede, b.ledeTerms, idf), a.entities, b.entities);
}
