/**
 * Related articles (the page's «اقرأ أيضاً»): other articles that share the article's
 * entities and vocabulary, never copies or coverage of its own story, the recent ones
 * first among similar ones, one per story.
 *
 * Candidates come from a RelatedSource (an inverted index on `e:<entity>` and `t:<term>`
 * keys, rarest keys first), so a store serves them with one indexed lookup per key.
 * Score: when both sides have entities, 0.5 × entity Jaccard + 0.5 × vocabulary cosine
 * (title + lede terms weighted by the frozen IDF of frozen.ts), else the vocabulary cosine
 * alone; multiplied by a recency factor 0.5 + 0.5 × 2^(−|Δt| / halfLife). Only articles within
 * `windowMs` of it (30 days either side) are candidates: «read also» is other recent coverage, and
 * a store's candidates per key then stop growing with its history (bench/scale/million.ts: in a
 * store of 154,000 articles whose text recurs every 35 days, 56 % of the kept items were older
 * than 30 days and 48 % had the article's own title).
 *
 * The score is symmetric (score(a, b) = score(b, a): a fixed IDF table, |Δt|), which is
 * what lets relate.ts keep each article's list at ingest and offer a newcomer to the lists
 * of the articles it found. This module scores; relate.ts keeps the lists.
 */
import type { Article } from '../model/article.ts';
import { entryOf } from './entry.ts';
import { frozenWeights } from './frozen.ts';
import type { Idf } from './similarity.ts';
import { endScoring, generation, startScoring, termIds, weightOf } from './term-ids.ts';
import type { RelatedCandidate, RelatedSource, StoryEntry } from './types.ts';

export interface RelatedOptions {
  limit: number;
  /** Below this score nothing is shown (an unrelated list is worse than a short one). */
  minScore: number;
  halfLifeMs: number;
  keyLimit: number;
  limitPerKey: number;
  /** Only candidates up to this time (default: no bound). */
  to: number;
  /** Only candidates within this much time of the article, before or after it. */
  windowMs: number;
}

export const RELATED_DEFAULTS: Readonly<RelatedOptions> = Object.freeze({
  limit: 5,
  minScore: 0.15,
  halfLifeMs: 7 * 86_400_000,
  keyLimit: 12,
  limitPerKey: 24,
  to: Infinity,
  windowMs: 30 * 86_400_000,
});

export interface RelatedHit {
  id: string;
  score: number;
}

/** A scored candidate, with the group it stands for (its story, else its copy group). */
export interface ScoredCandidate {
  c: RelatedCandidate;
  score: number;
  group: string;
}

/** Ids of up to `limit` related articles, best first (computed now, from the source). */
export async function relatedArticles(a: Article | StoryEntry, source: RelatedSource, opts: Partial<RelatedOptions> = {}): Promise<string[]> {
  return (await relatedHits(a, source, opts)).map((h) => h.id);
}

/** Up to `limit` related articles with their scores, best first, one per group. */
export async function relatedHits(a: Article | StoryEntry, source: RelatedSource, options: Partial<RelatedOptions> = {}): Promise<RelatedHit[]> {
  const o = { ...RELATED_DEFAULTS, ...options };
  return bestPerGroup(await scoreCandidates(asEntry(a), source, o), o.limit).map((s) => ({ id: s.c.id, score: s.score }));
}

/** The entry of an Article (not yet indexed) or the entry itself. */
export function asEntry(a: Article | StoryEntry): StoryEntry {
  if ('ledeTerms' in a) return a;
  const e = entryOf(a, { now: 0 });
  e.storyId = a.storyId ?? '';
  e.duplicateOf = a.duplicateOf ?? null;
  return e;
}

/** The best candidate of each group, best first (ties: smaller id), at most `limit`. */
export function bestPerGroup(scored: ScoredCandidate[], limit: number): ScoredCandidate[] {
  const perGroup = new Map<string, ScoredCandidate>();
  for (const s of scored) {
    const prev = perGroup.get(s.group);
    if (!prev || s.score > prev.score || (s.score === prev.score && s.c.id < prev.c.id)) perGroup.set(s.group, s);
  }
  return [...perGroup.values()].sort((x, y) => y.score - x.score || (x.c.id < y.c.id ? -1 : 1)).slice(0, limit);
}

/** Every candidate of `e` scoring at least minScore (not itself, its copies or its own story). */
export async function scoreCandidates(e: StoryEntry, source: RelatedSource, o: RelatedOptions): Promise<ScoredCandidate[]> {
  const vocab = [...new Set([...e.titleTerms, ...e.ledeTerms])];
  if (vocab.length === 0 && e.entities.length === 0) return [];
  const idf: Idf = frozenWeights().idf;
  const own = new Map(vocab.map((t) => [t, idf(t)]));
  // Entities first, then every title term, then the rarest lede terms.
  const title = rarestFirst(e.titleTerms, own).slice(0, 10);
  const keys = [...new Set([...e.entities.map((x) => `e:${x}`), ...[...title, ...rarestFirst(e.ledeTerms, own)].map((t) => `t:${t}`)])].slice(0, o.keyLimit);
  // (The window's end is past everything stored before an arrival that comes in time order: the
  // SQLite store then answers from its kept newest postings per key.)
  const cands = await source.relatedCandidates(keys, e.time - o.windowMs, Math.min(o.to, e.time + o.windowMs), o.limitPerKey);
  // My side: each term's IDF² in a dense vector by term id (term-ids.ts), and its squared norm.
  const sq = vocab.map((t) => own.get(t)! ** 2);
  let norm2 = 0;
  for (const x of sq) norm2 += x;
  const root = e.duplicateOf ?? e.id;
  const ents = new Set(e.entities);
  const out: ScoredCandidate[] = [];
  startScoring(vocab, sq);
  try {
    for (const c of cands) {
      if (excluded(c, e.id, root, e.storyId)) continue;
      const v = cosineWith(norm2, c, idf);
      const both = ents.size > 0 && c.entities.length > 0;
      const sim = both ? 0.5 * jaccardWith(ents, c.entities) + 0.5 * v : v;
      const score = sim * (0.5 + 0.5 * 2 ** (-Math.abs(c.time - e.time) / o.halfLifeMs));
      if (score >= o.minScore) out.push({ c, score, group: c.storyId || c.duplicateOf || c.id });
    }
  } finally {
    endScoring();
  }
  return out;
}

/** A candidate's unique vocabulary (as term ids of a generation) and its squared norm, kept while its term array lives (stores cache those). */
const weighted = new WeakMap<readonly string[], { lede: readonly string[]; ids: Int32Array; gen: number; norm2: number }>();

/**
 * weightedCosine(my vocabulary, the candidate's), my side's weights set by startScoring
 * and its squared norm `mine`; the candidate's side computed once. The same sums in the
 * same order as with string maps (its terms in order, 0 for a term I lack), so the same float.
 */
function cosineWith(mine: number, c: RelatedCandidate, idf: Idf): number {
  let w = weighted.get(c.titleTerms);
  if (!w || w.lede !== c.ledeTerms || w.gen !== generation()) {
    const vocab = [...new Set([...c.titleTerms, ...c.ledeTerms])];
    let norm2 = 0;
    for (const t of vocab) norm2 += idf(t) ** 2;
    w = { lede: c.ledeTerms, ids: termIds(vocab), gen: generation(), norm2 };
    weighted.set(c.titleTerms, w);
  }
  if (mine === 0 || w.norm2 === 0) return 0;
  let dot = 0;
  const ids = w.ids;
  for (let i = 0; i < ids.length; i++) dot += weightOf(ids[i]!);
  return dot / Math.sqrt(mine * w.norm2);
}

/** Terms by IDF, highest first (ties: the smaller term), each term's IDF looked up once, not per comparison. */
function rarestFirst(terms: readonly string[], idf: ReadonlyMap<string, number>): string[] {
  const xs = terms.map((t) => ({ t, w: idf.get(t)! }));
  xs.sort((x, y) => y.w - x.w || (x.t < y.t ? -1 : 1));
  return xs.map((x) => x.t);
}

/** A candidate's unique entities, kept while its entity array lives. */
const uniqueEntities = new WeakMap<readonly string[], readonly string[]>();

/** setJaccard(mine, theirs) with my side a set built once (and theirs made unique once). */
function jaccardWith(mine: ReadonlySet<string>, theirs: readonly string[]): number {
  let u = uniqueEntities.get(theirs);
  if (!u) {
    u = [...new Set(theirs)];
    uniqueEntities.set(theirs, u);
  }
  let n = 0;
  for (const x of u) if (mine.has(x)) n++;
  return n / (mine.size + u.length - n);
}

function excluded(c: RelatedCandidate, id: string, root: string, storyId: string | null): boolean {
  if (c.id === id || c.id === root || c.duplicateOf === root || c.duplicateOf === id) return true;
  return storyId !== null && storyId !== '' && c.storyId === storyId;
}
