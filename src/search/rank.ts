/**
 * Re-ranking of an engine's top candidates, backend-neutral. The engine gives a BM25-like
 * score (title weighted); this adds what BM25 cannot see about the headline: how much of
 * the query it holds, whether the words stand in it in the order typed and next to each
 * other (people remember headlines as phrases), how much of the headline the query is
 * (a short headline made of the query words is the likeliest target), and whether words
 * appear exactly as typed (normalized), or failing that as the same word form with other
 * clitics (وطهران for طهران), rather than only by stem. Plus optional recency.
 * Pure functions over analyzed terms; weights in RANKING, tuned on bench/search.
 *
 * score = base / max(base) + RANKING.headline × headline evidence   [× recency factor]
 */
import { lightBase } from '../arabic/stem/light.ts';

/**
 * lightBase over headline words, memoized (the same words recur across queries); emptied
 * when it holds FORM_CACHE_MAX words (a few MiB; every search thread has its own).
 */
const FORM_CACHE_MAX = 65_536;
const formCache = new Map<string, string>();
function form(norm: string): string {
  let f = formCache.get(norm);
  if (f === undefined) {
    if (formCache.size >= FORM_CACHE_MAX) formCache.clear();
    formCache.set(norm, (f = lightBase(norm)));
  }
  return f;
}

export interface Candidate {
  /** The engine's score, higher is better (e.g. −bm25). */
  base: number;
  /** The analyzed headline terms (stems), in order (stopwords dropped). */
  titleTerms: string[];
  /** The headline's normalized unstemmed words, same order; optional. */
  titleNorms?: string[];
  publishedAt: string | null;
}

export const RANKING = {
  /** Weight of the headline evidence against the engine's (normalized) score. */
  headline: 2,
  /** Share of the query's terms found in the headline. */
  coverage: 0.6,
  /** All query terms adjacent and in order in the headline. */
  phrase: 0.8,
  /** Longest in-order adjacent run, as a share of the query (partial phrase). */
  run: 0.4,
  /** Share of the headline's terms that are query terms. */
  density: 0.5,
  /** Share of the query's words found in the headline unstemmed (as typed, normalized). */
  exact: 1,
  /** Credit (of `exact`) for a word found with other clitics only: الحوثيين / للحوثيين. */
  form: 0.7,
  /** Recency half-life in days, when asked for. */
  halfLifeDays: 7,
};

/** Length of the longest run of `q` found adjacent and in order in `t`. */
export function longestRun(q: readonly string[], t: readonly string[]): number {
  let best = 0;
  for (let i = 0; i < t.length; i++) {
    for (let j = 0; j < q.length; j++) {
      if (t[i] !== q[j]) continue;
      let n = 1;
      while (i + n < t.length && j + n < q.length && t[i + n] === q[j + n]) n++;
      if (n > best) best = n;
    }
  }
  return best;
}

/**
 * Whether some headline word has the word form `f` (`form(w) === f`). Every form is a
 * suffix of its word, or ال or ل before one (prefixBase), so only the words ending with
 * `f` less such a start are looked up: the answer is the lookup of every word's.
 */
function hasForm(titleNorms: readonly string[], f: string): boolean {
  const core = f.startsWith('ال') ? f.slice(2) : f.startsWith('ل') ? f.slice(1) : f;
  for (const w of titleNorms) if (w.endsWith(core) && form(w) === f) return true;
  return false;
}

/**
 * Headline evidence for `terms` (the query's positive terms in typed order). A query and a
 * headline are a few words each: they are compared by scanning, not through sets.
 */
export function titleBonus(terms: readonly string[], titleTerms: readonly string[], norms: readonly string[] = [], titleNorms: readonly string[] = []): number {
  if (terms.length === 0 || titleTerms.length === 0) return 0;
  let found = 0;
  for (const t of terms) if (titleTerms.includes(t)) found++;
  const bestRun = terms.length > 1 && found > 1 ? longestRun(terms, titleTerms) : 0;
  const run = terms.length > 1 && bestRun > 1 ? bestRun / terms.length : 0;
  const phrase = terms.length > 1 && bestRun === terms.length ? 1 : 0;
  let exact = 0;
  if (norms.length && titleNorms.length) {
    for (const n of norms) {
      if (titleNorms.includes(n)) exact++;
      else if (RANKING.form > 0 && hasForm(titleNorms, form(n))) exact += RANKING.form;
    }
    exact /= norms.length;
  }
  return (
    RANKING.coverage * (found / terms.length) +
    RANKING.run * run +
    RANKING.phrase * phrase +
    RANKING.density * Math.min(1, found / titleTerms.length) +
    RANKING.exact * exact
  );
}

/** Recency factor in (0.5, 1]: 1 for the newest, halving the excess every `halfLifeDays`. */
export function recencyFactor(publishedAt: string | null, newest: number): number {
  if (!publishedAt) return 0.5;
  const t = Date.parse(publishedAt);
  if (Number.isNaN(t)) return 0.5;
  const days = Math.max(0, (newest - t) / 86_400_000);
  return 0.5 + 0.5 * Math.pow(0.5, days / RANKING.halfLifeDays);
}

/**
 * Final scores, best first. `terms` are the query's analyzed terms in typed order,
 * `norms` its normalized unstemmed words (for the exact-word evidence).
 */
export function rerank<C extends Candidate>(cands: C[], terms: readonly string[], recency = false, norms: readonly string[] = []): Array<C & { score: number }> {
  let newest = 0;
  let maxBase = 0;
  for (const c of cands) {
    if (c.base > maxBase) maxBase = c.base;
    if (recency && c.publishedAt) newest = Math.max(newest, Date.parse(c.publishedAt) || 0);
  }
  const out = cands.map((c) => {
    let score = (maxBase > 0 ? c.base / maxBase : 0) + RANKING.headline * titleBonus(terms, c.titleTerms, norms, c.titleNorms);
    if (recency) score *= recencyFactor(c.publishedAt, newest);
    return { ...c, score };
  });
  out.sort((a, b) => b.score - a.score);
  return out;
}
