/**
 * Related articles (the page's «اقرأ أيضاً»): up to five other articles that share the
 * article's entities and vocabulary, never copies or coverage of its own story, the
 * recent ones first among similar ones.
 *
 * Candidates come from a RelatedSource (an inverted index on `e:<entity>` and
 * `t:<term>` keys, rarest keys first), so a store serves them with one indexed lookup per
 * key. Score: when both sides have entities, 0.5 × entity Jaccard + 0.5 × vocabulary
 * cosine (IDF-weighted title + lede terms), else the vocabulary cosine alone; multiplied by
 * a recency factor 0.5 + 0.5 × 2^(−|Δt| / halfLife). One article per story.
 */
import type { Article } from '../model/article.ts';
import { entryOf } from './entry.ts';
import { idfFrom, setJaccard, weightedCosine, type Idf } from './similarity.ts';
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
}

export const RELATED_DEFAULTS: Readonly<RelatedOptions> = Object.freeze({
  limit: 5,
  minScore: 0.15,
  halfLifeMs: 7 * 86_400_000,
  keyLimit: 16,
  limitPerKey: 40,
  to: Infinity,
});

export interface RelatedHit {
  id: string;
  score: number;
}

/** Ids of up to `limit` related articles, best first. */
export async function relatedArticles(
  a: Article | StoryEntry,
  source: RelatedSource,
  opts: Partial<RelatedOptions> = {},
): Promise<string[]> {
  return (await relatedHits(a, source, opts)).map((h) => h.id);
}

export async function relatedHits(
  a: Article | StoryEntry,
  source: RelatedSource,
  options: Partial<RelatedOptions> = {},
): Promise<RelatedHit[]> {
  const o = { ...RELATED_DEFAULTS, ...options };
  const e = 'ledeTerms' in a ? a : entryOf(a, { now: 0 });
  const storyId = 'ledeTerms' in a ? a.storyId : (a.storyId ?? null);
  const root = ('ledeTerms' in a ? a.duplicateOf : a.duplicateOf) ?? e.id;
  const vocab = [...new Set([...e.titleTerms, ...e.ledeTerms])];
  if (vocab.length === 0 && e.entities.length === 0) return [];

  const idf = await idfOf(source, vocab);
  // Entities first, then every title term, then the rarest lede terms.
  const byIdf = (x: string, y: string) => idf(y) - idf(x) || (x < y ? -1 : 1);
  const title = [...e.titleTerms].sort(byIdf).slice(0, 10);
  const keys = [
    ...new Set([...e.entities.map((x) => `e:${x}`), ...[...title, ...[...e.ledeTerms].sort(byIdf)].map((t) => `t:${t}`)]),
  ].slice(0, o.keyLimit);
  const cands = await source.relatedCandidates(keys, o.to, o.limitPerKey);
  const idfAll = await idfOf(source, [...vocab, ...cands.flatMap((c) => [...c.titleTerms, ...c.ledeTerms])]);

  const perStory = new Map<string, RelatedHit>();
  for (const c of cands) {
    if (excluded(c, e.id, root, storyId)) continue;
    const v = weightedCosine(vocab, [...c.titleTerms, ...c.ledeTerms], idfAll);
    const both = e.entities.length > 0 && c.entities.length > 0;
    const sim = both ? 0.5 * setJaccard(e.entities, c.entities) + 0.5 * v : v;
    const recency = 0.5 + 0.5 * 2 ** (-Math.abs(c.time - e.time) / o.halfLifeMs);
    const score = sim * recency;
    if (score < o.minScore) continue;
    const group = c.storyId ?? c.duplicateOf ?? c.id;
    const prev = perStory.get(group);
    if (!prev || score > prev.score || (score === prev.score && c.id < prev.id)) perStory.set(group, { id: c.id, score });
  }
  return [...perStory.values()].sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1)).slice(0, o.limit);
}

function excluded(c: RelatedCandidate, id: string, root: string, storyId: string | null): boolean {
  if (c.id === id || c.id === root || c.duplicateOf === root || c.duplicateOf === id) return true;
  return storyId !== null && storyId !== '' && c.storyId === storyId;
}

async function idfOf(source: RelatedSource, terms: string[]): Promise<Idf> {
  const list = [...new Set(terms)];
  const [df, n] = await Promise.all([source.docFreq(list), source.docCount()]);
  const m = new Map<string, number>();
  list.forEach((t, i) => m.set(t, idfFrom(df[i] ?? 0, n)));
  return (t) => m.get(t) ?? idfFrom(0, n);
}
